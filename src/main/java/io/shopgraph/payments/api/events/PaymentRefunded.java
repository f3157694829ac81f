package io.shopgraph.payments.api.events;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.shopgraph.platform.events.DomainEvent;

/** Part or all of a payment was refunded; {@code refundedMinor} is the payment's refunded total after it. */
@RegisterForReflection
public record PaymentRefunded(UUID paymentId, UUID referenceId, UUID refundId, long amountMinor, long refundedMinor,
        String currencyCode, Instant occurredAt) implements DomainEvent {

    @Override
    public UUID aggregateId() {
        return paymentId;
    }
}
