package io.shopgraph.payments.api;

import java.time.Instant;
import java.util.UUID;

/** A refund of a payment. */
public record RefundView(UUID id, UUID paymentId, UUID referenceId, long amountMinor, String currencyCode, String status,
        String providerReference, Instant createdAt) {
}
