package io.shopgraph.inventory.api;

import java.util.UUID;

/**
 * The stock of one variant as another module sees it. {@code onHand} is what can still be sold: units on hand
 * minus units reserved by orders awaiting payment.
 */
public record StockSnapshot(UUID variantId, int onHand, boolean tracked, InventoryPolicy policy) {

    /** Whether {@code quantity} units can be sold now: untracked, sold on backorder, or enough on hand. */
    public boolean canSell(int quantity) {
        return !tracked || policy == InventoryPolicy.CONTINUE || onHand >= quantity;
    }
}
