package io.shopgraph.digital.application;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.shopgraph.orders.api.events.OrderPaid;
import io.shopgraph.platform.events.DomainEvent;
import io.shopgraph.platform.events.EventConsumer;
import io.shopgraph.platform.events.EventEnvelope;

/**
 * A paid order gets its digital delivery: orders publish {@link OrderPaid} once, in the paying transaction, and the
 * outbox hands it here after commit, in a transaction bound to the order's store. Delivery is idempotent per order,
 * so a repeated event changes nothing; a failure rolls back and is retried.
 */
@ApplicationScoped
public class DeliveryConsumer implements EventConsumer {

    private final Deliveries deliveries;

    DeliveryConsumer(Deliveries deliveries) {
        this.deliveries = deliveries;
    }

    @Override
    public String name() {
        return "digital.deliveries";
    }

    @Override
    public Set<Class<? extends DomainEvent>> eventTypes() {
        return Set.of(OrderPaid.class);
    }

    @Override
    public void handle(EventEnvelope envelope) {
        deliveries.deliver(envelope.as(OrderPaid.class).orderId());
    }
}
