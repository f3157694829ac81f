package io.shopgraph.payments.api;

import java.time.Instant;
import java.util.UUID;

/** A payment as other modules see it (amounts in minor units). {@code clientSecret} only while the shopper must act. */
public record PaymentView(UUID id, UUID referenceId, PaymentProvider provider, PaymentStatus status, long amountMinor,
        long capturedMinor, long refundedMinor, String currencyCode, String clientSecret, String providerReference,
        Instant createdAt, Instant updatedAt) {
}
