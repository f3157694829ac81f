package io.shopgraph.inventory.api;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/** What other modules may ask of inventory. Batch-friendly; runs in the caller's transaction when there is one. */
public interface InventoryApi {

    /** The stock of these variants, by variant id (one statement); unknown variants are absent. */
    Map<UUID, StockSnapshot> stock(Collection<UUID> variantIds);
}
