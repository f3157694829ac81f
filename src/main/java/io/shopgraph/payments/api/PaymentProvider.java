package io.shopgraph.payments.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

/** Who moves the money. */
@Enum("PaymentProvider")
@Description("Who moves the money.")
public enum PaymentProvider {
    /** The store has connected no Stripe account: the merchant confirms payment by hand (bank transfer, cash). */
    @Description("The store has connected no Stripe account: the merchant confirms payment by hand (bank transfer, cash).")
    MANUAL,
    /** Stripe, with the store's own account. */
    @Description("Stripe, with the store's own account.")
    STRIPE
}
