package io.shopgraph.cart.domain;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("CartErrorCode")
@Description("Why a cart mutation failed. Nothing of a failed mutation is written.")
public enum CartErrorCode {
    @Description("No open cart has this id in this store (unknown, another store's, expired or merged: never told apart).")
    CART_NOT_FOUND,
    @Description("The merchandise id names no variant this storefront can buy (unknown, another store's, or not published).")
    INVALID_MERCHANDISE_LINE,
    @Description("The line id names no line of this cart.")
    LINE_NOT_FOUND,
    @Description("A line quantity is below 1 (0 in cartLinesUpdate removes the line) or above the per-line limit.")
    INVALID_QUANTITY,
    @Description("The cart would hold more units in all than the per-cart limit.")
    CART_QUANTITY_LIMIT,
    @Description("The cart would hold more lines than the limit.")
    TOO_MANY_LINES,
    @Description("The request lists no lines, too many, or the same line twice.")
    INVALID_INPUT,
    @Description("A line lacks an attribute its variant requires.")
    MISSING_LINE_ATTRIBUTE,
    @Description("A line attribute breaks its variant's declaration (type, length or allowed values) or the general bounds "
            + "(at most 10, keys 1 to 64 characters, values at most 1,000, no key twice).")
    INVALID_LINE_ATTRIBUTE,
    @Description("A cart attribute is empty, too long, repeated, or there are too many.")
    INVALID_ATTRIBUTE,
    @Description("The note is longer than 5,000 characters.")
    INVALID_NOTE,
    @Description("The email address is not valid.")
    INVALID_EMAIL,
    @Description("The phone number is not in E.164 form, e.g. +33612345678.")
    INVALID_PHONE,
    @Description("The country code is not two upper-case letters.")
    INVALID_COUNTRY,
    @Description("The customer access token is unknown, expired or revoked.")
    INVALID_CUSTOMER_ACCESS_TOKEN,
    @Description("The booking slot id names no slot of this line's variant (unknown, another store's or another variant's), or the "
            + "variant offers no slots.")
    INVALID_BOOKING_SLOT,
    @Description("The variant is a service that offers time slots: choose one (bookingSlotId from ProductVariant.bookingSlots).")
    BOOKING_SLOT_REQUIRED,
    @Description("The chosen slot has started or has fewer free places than the line's quantity.")
    BOOKING_SLOT_UNAVAILABLE
}
