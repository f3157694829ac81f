package io.shopgraph.inventory.application;

import java.util.UUID;

import io.shopgraph.inventory.api.InventoryPolicy;

/** A variant's stock as read for the storefront. */
public record StockRow(UUID variantId, int onHand, int reserved, boolean tracked, InventoryPolicy policy) {

    /** On hand minus what unpaid orders hold. */
    public int available() {
        return onHand - reserved;
    }

    public boolean availableForSale() {
        return !tracked || policy == InventoryPolicy.CONTINUE || available() > 0;
    }
}
