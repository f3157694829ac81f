package io.shopgraph.catalog.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("DepositKind")
@Description("How a variant's deposit is computed.")
public enum DepositKind {
    @Description("A share of the line's total after discounts, with its tax, in basis points (100 = 1%).")
    PERCENTAGE,
    @Description("A fixed amount per unit, capped at the line's total after discounts, with its tax.")
    FIXED
}
