package io.shopgraph.notifications.domain;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

/** The mails an order sends (docs/notifications.md). The template of each is {@link #template()} in the store's locale. */
@Enum("OrderNotificationKind")
@Description("A mail an order sends.")
public enum NotificationKind {
    @Description("To the customer when the order is placed: lines (with their attributes), totals, delivery, payment state.")
    ORDER_CONFIRMATION("order-confirmation"),
    @Description("To the store's contact email when an order is placed.")
    MERCHANT_NEW_ORDER("merchant-new-order"),
    @Description("To the customer when an order that was placed unpaid becomes paid.")
    PAYMENT_RECEIPT("payment-receipt");

    private final String template;

    NotificationKind(String template) {
        this.template = template;
    }

    /** The template's base name under templates/notifications/. */
    public String template() {
        return template;
    }
}
