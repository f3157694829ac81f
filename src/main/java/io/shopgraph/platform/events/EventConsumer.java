package io.shopgraph.platform.events;

import java.util.Set;

/**
 * An in-process subscriber: a CDI bean ({@code @ApplicationScoped}) in the consuming module's
 * {@code application} package. The dispatcher calls {@link #handle} after the publishing transaction
 * committed, on a background thread, inside a new transaction bound to the event's store (tenant
 * context and row-level security set, exactly as in a request). When the handler returns, its writes
 * and the delivery's "done" mark commit together; when it throws, both roll back and the delivery is
 * retried with exponential backoff (logged, counted in {@code shopgraph_events_failures_total}) while
 * other consumers, aggregates and stores go on. Events of one aggregate reach one consumer in order:
 * a later one waits until the earlier one was handled.
 */
public interface EventConsumer {

    /**
     * A stable name, unique in the application ({@code module.purpose}, e.g. {@code analytics.sessions}):
     * deliveries are recorded per consumer name, so renaming a consumer abandons its pending deliveries.
     */
    String name();

    /** The event records this consumer receives. Events published before it subscribed are not replayed. */
    Set<Class<? extends DomainEvent>> eventTypes();

    /** Handles one event; throw to have it retried. Must be idempotent by {@link EventEnvelope#eventId()}. */
    void handle(EventEnvelope envelope) throws Exception;
}
