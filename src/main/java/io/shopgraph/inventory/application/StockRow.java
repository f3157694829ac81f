package io.shopgraph.inventory.application;

import java.util.UUID;

import io.shopgraph.inventory.api.InventoryPolicy;

/** A variant's stock as read for the storefront. */
public record StockRow(UUID variantId, int onHand, boolean tracked, InventoryPolicy policy) {

    public boolean availableForSale() {
        return !tracked || policy == InventoryPolicy.CONTINUE || onHand > 0;
    }
}
