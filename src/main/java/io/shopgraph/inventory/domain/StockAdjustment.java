package io.shopgraph.inventory.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.shopgraph.inventory.api.InventoryAdjustmentReason;
import io.shopgraph.platform.tenancy.TenantOwnedEntity;

/**
 * One relative change of a variant's stock on hand, with its reason and author. Written only by
 * {@code InventoryService.adjustQuantities}; the row a stock ledger would hold for it.
 */
@Entity
@Table(schema = "inventory", name = "stock_adjustment")
public class StockAdjustment extends TenantOwnedEntity {

    /** Largest change one line may make, and the largest quantity on hand. */
    public static final int MAX_QUANTITY = 1_000_000_000;
    public static final int MAX_NOTE = 500;

    @Id
    public UUID id;
    @Column(name = "variant_id")
    public UUID variantId;
    public int delta;
    @Column(name = "on_hand_after")
    public int onHandAfter;
    @Enumerated(EnumType.STRING)
    public InventoryAdjustmentReason reason;
    public String note;
    /** Who made it: the staff member's subject or "app:&lt;client id&gt;". */
    public String actor;
    @Column(name = "created_at")
    public Instant createdAt;

    /** Whether {@code delta} is a change one line may make: not zero, at most {@link #MAX_QUANTITY} either way. */
    public static boolean validDelta(int delta) {
        return delta != 0 && Math.abs((long) delta) <= MAX_QUANTITY;
    }
}
