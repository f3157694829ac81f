package io.shopgraph.inventory.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("InventoryAdjustmentReason")
@Description("Why stock on hand changed; recorded with every adjustment.")
public enum InventoryAdjustmentReason {
    @Description("Goods received from a supplier.")
    RECEIVED,
    @Description("Returned goods put back into stock.")
    RESTOCK,
    @Description("A correction of a wrong count.")
    CORRECTION,
    @Description("The result of a periodic count.")
    CYCLE_COUNT,
    @Description("Damaged goods taken out of stock.")
    DAMAGED,
    @Description("Lost or stolen goods.")
    SHRINKAGE,
    @Description("Goods given away in a promotion.")
    PROMOTION,
    @Description("Anything else; say what in the note.")
    OTHER
}
