package io.shopgraph.checkout.domain.discount;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("DiscountErrorCode")
@Description("Why a discount mutation (merchant) or a discount code on a cart (storefront) was refused. Nothing of a refused "
        + "mutation is written.")
public enum DiscountErrorCode {
    @Description("No open cart has this id in this store.")
    CART_NOT_FOUND,
    @Description("No discount has this code in this store.")
    NOT_FOUND,
    @Description("The discount has ended.")
    EXPIRED,
    @Description("The discount has not started yet.")
    NOT_YET_ACTIVE,
    @Description("The discount has been used as often as it may be (in all, or by this customer).")
    USAGE_LIMIT_REACHED,
    @Description("The cart does not reach the discount's minimum subtotal or quantity.")
    MINIMUM_NOT_MET,
    @Description("The discount cannot be combined with a discount already on the cart.")
    NOT_COMBINABLE,
    @Description("Nothing in the cart is something the discount applies to.")
    NOT_APPLICABLE,
    @Description("Too many code attempts from this session or client: wait and try again.")
    THROTTLED,
    @Description("An input is malformed or out of bounds (the message says which).")
    INVALID_INPUT,
    @Description("Another discount of this store already has this code.")
    CODE_TAKEN
}
