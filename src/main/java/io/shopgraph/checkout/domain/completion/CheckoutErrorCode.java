package io.shopgraph.checkout.domain.completion;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("CheckoutErrorCode")
@Description("Why checkoutComplete placed no order. Nothing of a refused checkout is written, and no stock is held.")
public enum CheckoutErrorCode {
    @Description("No open cart has this id in this store (unknown, another store's, expired, merged or already completed).")
    CART_NOT_FOUND,
    @Description("The cart has no lines.")
    CART_EMPTY,
    @Description("The cart has no contact email, and no signed-in customer with one is attached.")
    EMAIL_REQUIRED,
    @Description("A line must be shipped and the cart has no shipping address.")
    SHIPPING_ADDRESS_REQUIRED,
    @Description("A line must be shipped and no delivery option is selected.")
    DELIVERY_OPTION_REQUIRED,
    @Description("The price of the lines named in lineIds changed since they were added: show the new price and update the lines.")
    PRICE_CHANGED,
    @Description("The lines named in lineIds can no longer be bought (product unpublished, archived or deleted).")
    PRODUCT_UNAVAILABLE,
    @Description("Not enough stock for the lines named in lineIds.")
    INSUFFICIENT_STOCK,
    @Description("The time slots of the lines named in lineIds have started or have too few free places: choose another slot.")
    SLOT_UNAVAILABLE,
    @Description("A discount on the cart was used up or ended since it was applied: the message names it; remove the code or try again.")
    DISCOUNT_NOT_AVAILABLE,
    @Description("This idempotency key was already used with another cart.")
    IDEMPOTENCY_KEY_MISMATCH,
    @Description("The idempotency key is empty, longer than 255 characters or holds control characters.")
    INVALID_IDEMPOTENCY_KEY,
    @Description("The order was placed but the payment provider could not be reached: call again with the same idempotency key.")
    PAYMENT_UNAVAILABLE
}
