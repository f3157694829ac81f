package io.shopgraph.orders.api.events;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.shopgraph.platform.events.DomainEvent;

/** Units of an order were shipped (or handed over), with tracking when given. */
@RegisterForReflection
public record FulfillmentCreated(UUID orderId, long orderNumber, UUID fulfillmentId, int units, String trackingNumber,
        String trackingUrl, Instant createdAt) implements DomainEvent {

    @Override
    public UUID aggregateId() {
        return orderId;
    }
}
