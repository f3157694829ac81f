package io.shopgraph.payments.api.events;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.shopgraph.platform.events.DomainEvent;

/** A held refund was refused by the provider: its amount is refundable again and nothing was paid back. */
@RegisterForReflection
public record PaymentRefundFailed(UUID paymentId, UUID referenceId, UUID refundId, long amountMinor, String currencyCode,
        Instant occurredAt) implements DomainEvent {

    @Override
    public UUID aggregateId() {
        return paymentId;
    }
}
