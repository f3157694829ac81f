package io.shopgraph.inventory.api;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * What other modules may ask of inventory. Batch-friendly; runs in the caller's transaction when there is one.
 * Stock movements for a reference (an order id) go to the stock ledger: one row per movement and variant, and
 * the stock level moves in the same statement, so on hand and reserved are always the sums of the ledger.
 */
public interface InventoryApi {

    /** The stock of these variants, by variant id (one statement); unknown variants are absent. */
    Map<UUID, StockSnapshot> stock(Collection<UUID> variantIds);

    /**
     * Reserves {@code quantities} (by variant) for {@code referenceId}: each variant by one conditional update in
     * variant-id order (no read-then-write race, no deadlock between two reservations). Tracked variants sold
     * with the DENY policy are reserved only while on hand minus reserved covers the quantity; unknown variants
     * are short.
     */
    StockReservation reserve(UUID referenceId, Map<UUID, Integer> quantities);

    /** Releases what is still reserved for {@code referenceId} (nothing when nothing is); the caller guards against a second call. */
    void release(UUID referenceId);

    /** Turns what is still reserved for {@code referenceId} into units gone (on hand and reserved both go down). */
    void commit(UUID referenceId);

    /** Puts units back on hand for {@code referenceId} (a refund with restock). */
    void restock(UUID referenceId, Map<UUID, Integer> quantities);
}
