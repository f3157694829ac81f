package io.shopgraph.checkout.domain.pricing;

/** How a discount computes its amount. */
public enum DiscountKind {
    /** A percentage (in basis points) of the eligible lines' amount. */
    PERCENTAGE,
    /** A fixed amount: once across the eligible lines, or off each eligible unit. */
    FIXED_AMOUNT,
    /** Buy X eligible units, get Y of them (the cheapest) at a percentage off (10000 basis points = free). */
    BUY_X_GET_Y,
    /** The chosen delivery option's price. */
    FREE_SHIPPING
}
