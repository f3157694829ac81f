package io.shopgraph.orders.api.events;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.shopgraph.platform.events.DomainEvent;

/** Money was paid back on an order (analytics subtracts it from revenue). */
@RegisterForReflection
public record RefundCreated(UUID orderId, long orderNumber, UUID refundId, String currencyCode, long amountMinor, boolean restock,
        Instant createdAt) implements DomainEvent {

    @Override
    public UUID aggregateId() {
        return orderId;
    }
}
