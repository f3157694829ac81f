package io.shopgraph.cart.domain;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("CartWarningCode")
@Description("Something about a cart line the shopper should know; not an error, nothing was refused.")
public enum CartWarningCode {
    @Description("Fewer units are in stock than the line asks for (tracked variants that are not sold on backorder).")
    NOT_ENOUGH_STOCK,
    @Description("The variant's price is no longer the one the line was added at; checkout charges the current price.")
    PRICE_CHANGED,
    @Description("The variant or its product can no longer be bought (deleted, archived or unpublished).")
    PRODUCT_UNAVAILABLE,
    @Description("The line's time slot has started, was removed, or has fewer free places than the line asks for; checkout would "
            + "refuse it (SLOT_UNAVAILABLE): choose another slot.")
    BOOKING_SLOT_UNAVAILABLE
}
