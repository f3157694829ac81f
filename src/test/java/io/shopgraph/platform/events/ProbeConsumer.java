package io.shopgraph.platform.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Singleton;

import io.shopgraph.platform.tenancy.TenantContext;

/** Records what it is handed, checks no delivery runs twice at once, and fails on request. */
/** Singleton, not application scoped: tests read its fields directly (no client proxy). */
@Singleton
public class ProbeConsumer implements EventConsumer {

    /** One handled delivery. */
    public record Seen(EventEnvelope envelope, String thread, String tenant) {
    }

    private final TenantContext tenant;
    final Map<UUID, List<Seen>> byEvent = new ConcurrentHashMap<>();
    final Map<UUID, List<Integer>> orderByAggregate = new ConcurrentHashMap<>();
    final Set<UUID> running = ConcurrentHashMap.newKeySet();
    final List<String> violations = new CopyOnWriteArrayList<>();
    final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();
    final Set<String> dispatchersSeen = ConcurrentHashMap.newKeySet();
    volatile CountDownLatch overlap;
    /** Like {@link #overlap}, per thread rather than per dispatcher, from the second round of a label's probes on. */
    volatile CountDownLatch threadOverlap;
    final Set<String> threadsSeen = ConcurrentHashMap.newKeySet();

    ProbeConsumer(TenantContext tenant) {
        this.tenant = tenant;
    }

    @Override
    public String name() {
        return "test.probe";
    }

    @Override
    public Set<Class<? extends DomainEvent>> eventTypes() {
        return Set.of(Probe.class);
    }

    @Override
    public void handle(EventEnvelope envelope) throws Exception {
        Probe probe = envelope.as(Probe.class);
        if (!running.add(envelope.eventId())) {
            violations.add("event " + envelope.eventId() + " handled twice at once");
        }
        try {
            AtomicInteger left = failuresLeft.get(probe.label());
            if (left != null && left.getAndDecrement() > 0) {
                throw new IllegalStateException("probe told to fail (" + probe.label() + ")");
            }
            String thread = Thread.currentThread().getName();
            CountDownLatch gate = overlap;
            if (gate != null) {
                String dispatcher = thread.replaceAll("-\\d+$", "");
                if (dispatchersSeen.add(dispatcher)) {
                    gate.countDown();
                    if (!gate.await(30, TimeUnit.SECONDS)) {
                        violations.add("dispatcher " + dispatcher + " never saw another dispatcher handle a delivery at the same time");
                    }
                }
            }
            CountDownLatch threads = threadOverlap;
            if (threads != null && probe.n() >= 1 && threadsSeen.add(thread)) {
                threads.countDown();
                if (!threads.await(30, TimeUnit.SECONDS)) {
                    violations.add("thread " + thread + " never saw another thread handle a delivery at the same time");
                }
            }
            byEvent.computeIfAbsent(envelope.eventId(), k -> new CopyOnWriteArrayList<>())
                    .add(new Seen(envelope, thread, tenant.store().map(Object::toString).orElse(null)));
            orderByAggregate.computeIfAbsent(probe.aggregateId(), k -> java.util.Collections.synchronizedList(new ArrayList<>()))
                    .add(probe.n());
        } finally {
            running.remove(envelope.eventId());
        }
    }

    int timesSeen(UUID eventId) {
        return byEvent.getOrDefault(eventId, List.of()).size();
    }
}
