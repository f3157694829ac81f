package io.shopgraph.inventory.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("InventoryPolicy")
@Description("What happens when a tracked variant runs out of stock.")
public enum InventoryPolicy {
    @Description("Stop selling it.")
    DENY,
    @Description("Keep selling it (backorders).")
    CONTINUE
}
