package io.shopgraph.orders.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("OrderStatus")
@Description("Where an order is: payment first, then fulfilment; refunds and cancellation override both.")
public enum OrderStatus {
    @Description("Placed; its stock is reserved until paid or until the reservation expires.")
    PENDING_PAYMENT,
    @Description("Paid in full, nothing fulfilled yet.")
    PAID,
    @Description("Part of the total was paid.")
    PARTIALLY_PAID,
    @Description("Paid, and some units were fulfilled.")
    PARTIALLY_FULFILLED,
    @Description("Paid, and every unit was fulfilled.")
    FULFILLED,
    @Description("Cancelled: its stock went back on sale and what was paid was refunded.")
    CANCELLED,
    @Description("Part of what was paid was refunded.")
    PARTIALLY_REFUNDED,
    @Description("Everything that was paid was refunded.")
    REFUNDED
}
