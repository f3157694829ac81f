package io.shopgraph.payments.api;

import java.util.UUID;

/** A refund of {@code amountMinor} of a succeeded payment; the idempotency key is derived from the caller's ids. */
public record RefundRequest(UUID paymentId, long amountMinor, String idempotencyKey, String reason) {
}
