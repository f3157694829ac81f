package io.shopgraph.cart.domain;

/** Where a cart is in its life. Only OPEN carts answer to their id. */
public enum CartStatus {
    /** In use. */
    OPEN,
    /** Merged into another cart of the same customer at sign-in. */
    MERGED,
    /** Idle for longer than the configured period; with lines, it counts as abandoned. */
    EXPIRED,
    /** Became an order at checkout. */
    COMPLETED
}
