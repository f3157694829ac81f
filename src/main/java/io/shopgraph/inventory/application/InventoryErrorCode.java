package io.shopgraph.inventory.application;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("InventoryErrorCode")
@Description("Why an inventory mutation failed.")
public enum InventoryErrorCode {
    @Description("No variant with this id exists in this store.")
    NOT_FOUND,
    @Description("The quantity on hand is no longer the one the caller expected: someone changed it since it was read.")
    STALE_QUANTITY,
    @Description("A quantity is negative or above 1,000,000,000, an adjustment is zero, or it would take the quantity on "
            + "hand out of that range.")
    INVALID_QUANTITY,
    @Description("The note of an adjustment is longer than 500 characters.")
    INVALID_NOTE,
    @Description("The same variant appears twice, or more than 250 lines were sent.")
    INVALID_INPUT
}
