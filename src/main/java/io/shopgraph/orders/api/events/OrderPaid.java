package io.shopgraph.orders.api.events;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.shopgraph.platform.events.DomainEvent;

/** An order became fully paid ({@code paidMinor} is what was captured in total, in {@code currencyCode}). */
@RegisterForReflection
public record OrderPaid(UUID orderId, long orderNumber, UUID sessionId, String currencyCode, long paidMinor, Instant paidAt)
        implements DomainEvent {

    @Override
    public UUID aggregateId() {
        return orderId;
    }
}
