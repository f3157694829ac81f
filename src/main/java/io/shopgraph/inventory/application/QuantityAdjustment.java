package io.shopgraph.inventory.application;

import java.util.UUID;

/** Change a variant's quantity on hand by {@code delta} (positive or negative). */
public record QuantityAdjustment(UUID variantId, int delta) {
}
