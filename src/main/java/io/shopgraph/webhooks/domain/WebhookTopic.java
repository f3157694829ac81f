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
import io.shopgraph.platform.events.ResourceEvent;
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
    CUSTOMERS_CREATE(CustomerCreated.class, Scope.READ_CUSTOMERS);

    private final Class<? extends ResourceEvent> event;
    private final Scope scope;

    WebhookTopic(Class<? extends ResourceEvent> event, Scope scope) {
        this.event = event;
        this.scope = scope;
    }

    public Class<? extends ResourceEvent> event() {
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
