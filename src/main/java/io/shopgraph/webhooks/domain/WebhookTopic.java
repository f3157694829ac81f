package io.shopgraph.webhooks.domain;

import java.util.Arrays;
import java.util.Optional;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

import io.shopgraph.catalog.api.events.ProductCreated;
import io.shopgraph.catalog.api.events.ProductDeleted;
import io.shopgraph.catalog.api.events.ProductUpdated;
import io.shopgraph.customers.api.events.CustomerCreated;
import io.shopgraph.inventory.api.events.InventoryLevelUpdated;
import io.shopgraph.orders.api.events.FulfillmentCreated;
import io.shopgraph.orders.api.events.OrderCancelled;
import io.shopgraph.orders.api.events.OrderPaid;
import io.shopgraph.orders.api.events.OrderPlaced;
import io.shopgraph.orders.api.events.RefundCreated;
import io.shopgraph.platform.events.DomainEvent;
import io.shopgraph.platform.security.Scope;

/**
 * What a webhook subscription listens to: one outbox event type each, and the scope a caller needs to
 * read the resource it carries. Grows as modules publish events (carts, checkouts, orders, refunds,
 * fulfilments): add the value, its event record and its scope.
 */
@Enum("WebhookTopic")
@Description("An event a webhook subscription receives. More topics arrive with new modules.")
public enum WebhookTopic {
    @Description("A product was created. Needs read_products.")
    PRODUCTS_CREATE(ProductCreated.class, Scope.READ_PRODUCTS),
    @Description("A product was changed. Needs read_products.")
    PRODUCTS_UPDATE(ProductUpdated.class, Scope.READ_PRODUCTS),
    @Description("A product was deleted; the payload's data holds its id only. Needs read_products.")
    PRODUCTS_DELETE(ProductDeleted.class, Scope.READ_PRODUCTS),
    @Description("A variant's stock was set. Needs read_products.")
    INVENTORY_LEVELS_UPDATE(InventoryLevelUpdated.class, Scope.READ_PRODUCTS),
    @Description("A customer account was created. Needs read_customers.")
    CUSTOMERS_CREATE(CustomerCreated.class, Scope.READ_CUSTOMERS),
    @Description("An order was placed (checkout completed; usually still PENDING_PAYMENT). The payload's data is the order: id, "
            + "number, name, status, amounts. Needs read_orders.")
    ORDERS_CREATE(OrderPlaced.class, Scope.READ_ORDERS),
    @Description("An order became fully paid. The payload's data is the order. Needs read_orders.")
    ORDERS_PAID(OrderPaid.class, Scope.READ_ORDERS),
    @Description("An order was cancelled. The payload's data is the order, with cancelReason and what the cancellation "
            + "refunded. Needs read_orders.")
    ORDERS_CANCELLED(OrderCancelled.class, Scope.READ_ORDERS),
    @Description("Money was paid back on an order. The payload's data is the refund (id, amount, restocked) with its order. "
            + "Needs read_orders.")
    REFUNDS_CREATE(RefundCreated.class, Scope.READ_ORDERS),
    @Description("Units of an order were shipped or handed over. The payload's data is the fulfilment (id, tracking) with its "
            + "order. Needs read_orders.")
    FULFILLMENTS_CREATE(FulfillmentCreated.class, Scope.READ_ORDERS);

    private final Class<? extends DomainEvent> event;
    private final Scope scope;

    WebhookTopic(Class<? extends DomainEvent> event, Scope scope) {
        this.event = event;
        this.scope = scope;
    }

    /**
     * The event record: a {@link io.shopgraph.platform.events.ResourceEvent} carries its payload; orders' events are
     * rendered by the webhooks module from the order as the API shows it.
     */
    public Class<? extends DomainEvent> event() {
        return event;
    }

    /** The scope a subscriber needs: the read scope of the topic's resource. */
    public Scope scope() {
        return scope;
    }

    public static Optional<WebhookTopic> of(Class<?> eventType) {
        return Arrays.stream(values()).filter(t -> t.event == eventType).findFirst();
    }
}
