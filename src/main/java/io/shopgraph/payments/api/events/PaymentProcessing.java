package io.shopgraph.payments.api.events;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.shopgraph.platform.events.DomainEvent;

/** The provider is processing a payment (e.g. a bank debit). {@code referenceId} is the caller's id (an order id). */
@RegisterForReflection
public record PaymentProcessing(UUID paymentId, UUID referenceId, long amountMinor, String currencyCode, Instant occurredAt) implements DomainEvent {

    @Override
    public UUID aggregateId() {
        return paymentId;
    }
}
