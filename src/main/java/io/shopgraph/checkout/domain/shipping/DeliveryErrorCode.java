package io.shopgraph.checkout.domain.shipping;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("DeliveryErrorCode")
@Description("Why a shipping or delivery mutation failed. Nothing of a failed mutation is written.")
public enum DeliveryErrorCode {
    @Description("No open cart has this id in this store.")
    CART_NOT_FOUND,
    @Description("An input is malformed or out of bounds (the message says which).")
    INVALID_INPUT,
    @Description("The cart has no delivery option with this handle (for its address and lines).")
    OPTION_NOT_AVAILABLE,
    @Description("Nothing in the cart needs shipping: there is no delivery step.")
    NO_DELIVERY_NEEDED
}
