package io.shopgraph.notifications.domain;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("OrderNotificationStatus")
@Description("Where a notification mail is.")
public enum NotificationStatus {
    @Description("Queued: waiting for its first attempt or for a retry after a failed one.")
    PENDING,
    @Description("Handed to the mail server.")
    SENT,
    @Description("Given up after the most attempts; lastError says why. A merchant may resend it.")
    FAILED
}
