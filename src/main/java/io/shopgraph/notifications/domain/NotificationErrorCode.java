package io.shopgraph.notifications.domain;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("OrderNotificationErrorCode")
@Description("Why an order notification mutation failed. Nothing of a failed mutation is written.")
public enum NotificationErrorCode {
    @Description("No order has this id in this store (unknown and another store's are never told apart).")
    ORDER_NOT_FOUND,
    @Description("This order never queued a mail of this kind (e.g. no receipt before payment, no merchant notice without a "
            + "contact email), so there is nothing to resend.")
    NOTIFICATION_NOT_FOUND,
    @Description("A mail of this kind for this order is still waiting to be sent; resend once it is SENT or FAILED.")
    ALREADY_PENDING
}
