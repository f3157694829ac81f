package io.shopgraph.payments.api.events;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.shopgraph.platform.events.DomainEvent;

/** The shopper's bank disputed a payment (a chargeback); status is the provider's dispute status. {@code referenceId} is the caller's id (an order id). */
@RegisterForReflection
public record PaymentDisputed(UUID paymentId, UUID referenceId, String status, Instant occurredAt) implements DomainEvent {

    @Override
    public UUID aggregateId() {
        return paymentId;
    }
}
