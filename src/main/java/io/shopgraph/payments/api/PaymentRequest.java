package io.shopgraph.payments.api;

import java.util.Map;
import java.util.UUID;

/**
 * A payment to start. {@code referenceId} is the caller's id (an order id); {@code idempotencyKey} is derived
 * from the caller's ids (e.g. order id + attempt) and becomes the provider's idempotency key too.
 */
public record PaymentRequest(UUID referenceId, long amountMinor, String currencyCode, String idempotencyKey,
        String description, Map<String, String> metadata) {

    public PaymentRequest {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }
}
