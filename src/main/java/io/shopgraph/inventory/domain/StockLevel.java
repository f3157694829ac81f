package io.shopgraph.inventory.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.shopgraph.inventory.api.InventoryPolicy;
import io.shopgraph.platform.tenancy.TenantOwnedEntity;

/** The stock of one catalog variant. Created untracked when the variant is created. */
@Entity
@Table(schema = "inventory", name = "stock_level")
public class StockLevel extends TenantOwnedEntity {

    @Id
    @Column(name = "variant_id")
    public UUID variantId;
    @Column(name = "product_id")
    public UUID productId;
    @Column(name = "on_hand")
    public int onHand;
    /** Units held by orders awaiting payment (the sum of the ledger's reserved deltas). */
    public int reserved;
    public boolean tracked;
    @Enumerated(EnumType.STRING)
    public InventoryPolicy policy;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public boolean availableForSale() {
        return !tracked || policy == InventoryPolicy.CONTINUE || onHand - reserved > 0;
    }
}
