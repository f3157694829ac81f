package io.shopgraph.cart.domain;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("SessionEventType")
@Description("What happened in a shopper session.")
public enum SessionEventType {
    @Description("The shopper viewed a product (recorded by the storefront).")
    PRODUCT_VIEWED,
    @Description("The shopper viewed a collection (recorded by the storefront).")
    COLLECTION_VIEWED,
    @Description("The shopper searched (recorded by the storefront).")
    SEARCHED,
    @Description("A cart was created in the session.")
    CART_CREATED,
    @Description("A line was added (or its quantity raised by an add).")
    LINE_ADDED,
    @Description("A line's quantity or attributes changed.")
    LINE_UPDATED,
    @Description("A line was removed.")
    LINE_REMOVED,
    @Description("Checkout started (from the checkout module).")
    CHECKOUT_STARTED,
    @Description("A checkout step was completed (from the checkout module).")
    CHECKOUT_STEP,
    @Description("An order was placed (from the checkout module).")
    ORDER_PLACED;

    /** The types a storefront may record itself with sessionEventRecord; the rest come from the modules that see them happen. */
    public boolean recordableByStorefront() {
        return this == PRODUCT_VIEWED || this == COLLECTION_VIEWED || this == SEARCHED;
    }
}
