package io.shopgraph.platform.events;

import java.time.Instant;
import java.util.UUID;

import io.shopgraph.platform.kernel.StoreId;

/**
 * One committed event as a consumer receives it. {@code eventId} is the idempotency key: a delivery
 * is at least once, so a consumer whose effect is not only database writes in the handler's
 * transaction must tolerate seeing the same event id again. {@code attempt} counts from 1.
 */
public record EventEnvelope(UUID eventId, String type, StoreId storeId, UUID aggregateId, Instant occurredAt, int attempt,
        DomainEvent event) {

    /** The event as {@code type}; fails when the consumer was handed another type (a wiring bug). */
    public <E extends DomainEvent> E as(Class<E> type) {
        return type.cast(event);
    }
}
