package io.shopgraph.platform.events;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/**
 * The consumers deployed in this application, read once from CDI: who subscribes to which event
 * type (the publisher writes one delivery per subscriber) and which record class a stored type name
 * maps back to.
 */
@ApplicationScoped
public class EventConsumers {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_.-]{0,99}");

    private final Map<String, EventConsumer> byName = new HashMap<>();
    private final Map<Class<?>, List<String>> byType = new HashMap<>();
    private final Map<String, Class<? extends DomainEvent>> types = new HashMap<>();

    @Inject
    EventConsumers(Instance<EventConsumer> consumers) {
        for (EventConsumer consumer : consumers) {
            register(consumer);
        }
    }

    /** For dispatchers built by hand (tests, bench): exactly these consumers. */
    public static EventConsumers of(List<EventConsumer> consumers) {
        EventConsumers registry = new EventConsumers();
        consumers.forEach(registry::register);
        return registry;
    }

    private EventConsumers() {
    }

    private void register(EventConsumer consumer) {
        String name = consumer.name();
        if (!NAME.matcher(name).matches()) {
            throw new IllegalStateException("Event consumer name '" + name + "' must match " + NAME.pattern());
        }
        if (byName.putIfAbsent(name, consumer) != null) {
            throw new IllegalStateException("Two event consumers are named '" + name + "'");
        }
        for (Class<? extends DomainEvent> type : consumer.eventTypes()) {
            byType.computeIfAbsent(type, t -> new ArrayList<>()).add(name);
            types.put(EventTypes.nameOf(type), type);
        }
    }

    /** The names of the consumers of {@code type}. */
    public List<String> subscribersOf(Class<? extends DomainEvent> type) {
        return byType.getOrDefault(type, List.of());
    }

    public Optional<EventConsumer> named(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    /** The record class of a stored type name, when a deployed consumer subscribes to it. */
    public Optional<Class<? extends DomainEvent>> type(String name) {
        return Optional.ofNullable(types.get(name));
    }
}
