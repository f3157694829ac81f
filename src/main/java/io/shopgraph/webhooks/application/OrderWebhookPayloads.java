package io.shopgraph.webhooks.application;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObjectBuilder;

import io.shopgraph.orders.api.OrderViews;
import io.shopgraph.orders.api.OrderViews.OrderView;
import io.shopgraph.orders.api.OrdersApi;
import io.shopgraph.orders.api.events.FulfillmentCreated;
import io.shopgraph.orders.api.events.OrderCancelled;
import io.shopgraph.orders.api.events.RefundCreated;
import io.shopgraph.platform.events.EventEnvelope;
import io.shopgraph.platform.graphql.MoneyView;
import io.shopgraph.platform.kernel.GlobalId;
import io.shopgraph.platform.kernel.JsonP;
import io.shopgraph.platform.kernel.Money;

/**
 * The {@code data} of the order topics, in the API's own shape (the field names of the GraphQL {@code Order},
 * {@code Refund} and {@code Fulfillment} types, money as {@code {amount, currencyCode}}), like the resources of the
 * other topics. Orders' events are facts, not resources, so the order is read here, in the fan-out's transaction
 * right after the event committed (events of one order arrive in order): its status and amounts are the order's as
 * of that moment, which for an order changing quickly may already include a later change. The event's own facts
 * (the refund's amount, the tracking) come from the event, so they are always those of this event.
 */
@ApplicationScoped
public class OrderWebhookPayloads {

    private final OrdersApi orders;

    OrderWebhookPayloads(OrdersApi orders) {
        this.orders = orders;
    }

    /** The payload's data for an order event, or empty when the order no longer exists. */
    public Optional<String> data(EventEnvelope envelope) {
        return orders.order(envelope.aggregateId()).map(order -> render(envelope.event(), order).build().toString());
    }

    private static JsonObjectBuilder render(Object event, OrderView order) {
        if (event instanceof RefundCreated refund) {
            return JsonP.createObjectBuilder()
                    .add("id", GlobalId.format(OrderViews.REFUND, refund.refundId()))
                    .add("createdAt", refund.createdAt().toString())
                    .add("amount", money(Money.of(refund.amountMinor(), refund.currencyCode())))
                    .add("restocked", refund.restock())
                    .add("order", order(order));
        }
        if (event instanceof FulfillmentCreated fulfillment) {
            JsonObjectBuilder data = JsonP.createObjectBuilder()
                    .add("id", GlobalId.format(OrderViews.FULFILLMENT, fulfillment.fulfillmentId()))
                    .add("createdAt", fulfillment.createdAt().toString())
                    .add("units", fulfillment.units());
            nullable(data, "trackingNumber", fulfillment.trackingNumber());
            nullable(data, "trackingUrl", fulfillment.trackingUrl());
            return data.add("order", order(order));
        }
        if (event instanceof OrderCancelled cancelled) {
            JsonObjectBuilder data = order(order);
            nullable(data, "cancelReason", cancelled.reason());
            return data.add("cancelRefundAmount", money(Money.of(cancelled.refundedMinor(), cancelled.currencyCode())));
        }
        return order(order);
    }

    private static JsonObjectBuilder order(OrderView order) {
        JsonObjectBuilder json = JsonP.createObjectBuilder()
                .add("id", order.id())
                .add("number", order.number())
                .add("name", order.name())
                .add("status", order.status().name())
                .add("createdAt", order.createdAt().toString())
                .add("currencyCode", order.currencyCode());
        nullable(json, "email", order.email());
        return json
                .add("cost", JsonP.createObjectBuilder()
                        .add("subtotalAmount", money(order.cost().subtotalAmount()))
                        .add("discountAmount", money(order.cost().discountAmount()))
                        .add("shippingAmount", money(order.cost().shippingAmount()))
                        .add("taxAmount", money(order.cost().taxAmount()))
                        .add("totalAmount", money(order.cost().totalAmount())))
                .add("totalPaid", money(order.totalPaid()))
                .add("totalRefunded", money(order.totalRefunded()))
                .add("lines", JsonP.createArrayBuilder(order.lines().stream().map(l -> JsonP.createObjectBuilder()
                        .add("id", l.id()).add("title", l.title()).add("quantity", l.quantity()).add("variantId", l.variantId())
                        .add("totalAmount", money(l.cost().totalAmount())).build()).toList()));
    }

    private static JsonObjectBuilder money(MoneyView money) {
        return JsonP.createObjectBuilder().add("amount", money.amount().value().toPlainString()).add("currencyCode", money.currencyCode());
    }

    private static JsonObjectBuilder money(Money money) {
        return money(MoneyView.of(money));
    }

    private static void nullable(JsonObjectBuilder json, String name, String value) {
        if (value == null) {
            json.addNull(name);
        } else {
            json.add(name, value);
        }
    }
}
