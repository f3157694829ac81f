package io.shopgraph.payments.api;

/** A refund, or why it was refused ({@code error} null on success). */
public record RefundOutcome(RefundView refund, PaymentErrorCode error) {
}
