package io.shopgraph.payments.api;

/** A payment after an operation, or why the operation was refused ({@code error} null on success). */
public record PaymentOutcome(PaymentView payment, PaymentErrorCode error) {
}
