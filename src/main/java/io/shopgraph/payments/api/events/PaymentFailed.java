package io.shopgraph.payments.api.events;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.shopgraph.platform.events.DomainEvent;

/** A payment attempt failed; the shopper may try again. {@code referenceId} is the caller's id (an order id). */
@RegisterForReflection
public record PaymentFailed(UUID paymentId, UUID referenceId, String reason, Instant occurredAt) implements DomainEvent {

    @Override
    public UUID aggregateId() {
        return paymentId;
    }
}
