package io.shopgraph.checkout.domain.discount;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("DiscountStatus")
@Description("Whether a discount can be used now.")
public enum DiscountStatus {
    @Description("It has not started yet.")
    SCHEDULED,
    @Description("It can be used.")
    ACTIVE,
    @Description("It has ended.")
    EXPIRED,
    @Description("It has been used as often as its usage limit allows.")
    USED_UP
}
