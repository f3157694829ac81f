package io.shopgraph.inventory.application;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.shopgraph.inventory.api.InventoryPolicy;

@Type("StockLevel")
@Description("The stock of one variant.")
public record StockLevelView(
        @Id @NonNull @Description("The variant's global id.") String variantId,
        @NonNull @Description("Units on hand (the sum of the stock ledger).") int onHand,
        @NonNull @Description("Units held by orders awaiting payment; available to sell is on hand minus reserved.") int reserved,
        @NonNull @Description("Whether stock is counted; untracked variants are always available.") boolean tracked,
        @NonNull @Description("What happens when it runs out.") InventoryPolicy policy) {
}
