package io.shopgraph.inventory.api;

import java.util.List;
import java.util.UUID;

/**
 * The answer of {@link InventoryApi#reserve}: the variants that lacked stock (empty when everything was
 * reserved). When it is not empty the caller must roll its transaction back: the other lines were reserved.
 */
public record StockReservation(List<UUID> shortVariantIds) {

    public StockReservation {
        shortVariantIds = List.copyOf(shortVariantIds);
    }

    public boolean complete() {
        return shortVariantIds.isEmpty();
    }
}
