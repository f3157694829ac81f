package io.shopgraph.inventory.application;

import java.util.UUID;

import io.shopgraph.inventory.api.InventoryPolicy;

/** Set a variant's quantity on hand to {@code quantity} if it still is {@code expected}. */
public record QuantityChange(UUID variantId, int quantity, int expected, InventoryPolicy policy) {
}
