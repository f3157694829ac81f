package io.shopgraph.payments.api;

/** Why payments refused an operation; callers turn these into their own userErrors. */
public enum PaymentErrorCode {
    NOT_FOUND,
    /** The request itself is unacceptable (amount, currency, key or text out of bounds); nothing was written. */
    INVALID_REQUEST,
    /** The operation does not fit the payment's status (refund of an unpaid payment, markPaid of a Stripe payment). */
    INVALID_STATE,
    /** A refund larger than what is left to refund. */
    AMOUNT_EXCEEDS_CAPTURED,
    /** The same idempotency key was used for a different request. */
    IDEMPOTENCY_KEY_MISMATCH,
    /** The provider refused or could not be reached; nothing changed here. */
    PROVIDER_ERROR
}
