package io.shopgraph.payments.api.events;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.shopgraph.platform.events.DomainEvent;

/** A payment succeeded: the money is captured. {@code referenceId} is the caller's id (an order id). */
@RegisterForReflection
public record PaymentSucceeded(UUID paymentId, UUID referenceId, long amountMinor, String currencyCode, Instant occurredAt) implements DomainEvent {

    @Override
    public UUID aggregateId() {
        return paymentId;
    }
}
