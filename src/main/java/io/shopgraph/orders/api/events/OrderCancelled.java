package io.shopgraph.orders.api.events;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.shopgraph.platform.events.DomainEvent;

/** An order was cancelled; {@code refundedMinor} is what the cancellation paid back. */
@RegisterForReflection
public record OrderCancelled(UUID orderId, long orderNumber, String reason, String currencyCode, long refundedMinor,
        Instant cancelledAt) implements DomainEvent {

    @Override
    public UUID aggregateId() {
        return orderId;
    }
}
