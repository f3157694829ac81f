package io.shopgraph.payments.api;

/** Who moves the money. */
public enum PaymentProvider {
    /** The store has connected no Stripe account: the merchant confirms payment by hand (bank transfer, cash). */
    MANUAL,
    /** Stripe, with the store's own account. */
    STRIPE
}
