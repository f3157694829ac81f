package io.shopgraph.payments.api;

/** A payment's status. Refunds are amounts on a SUCCEEDED payment, not statuses of it. */
public enum PaymentStatus {
    PENDING, PROCESSING, SUCCEEDED, FAILED, CANCELED
}
