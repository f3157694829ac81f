package io.shopgraph.notifications.application;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.shopgraph.notifications.domain.NotificationKind;
import io.shopgraph.orders.api.OrdersApi;
import io.shopgraph.orders.api.OrderViews.OrderView;
import io.shopgraph.orders.api.events.OrderPaid;
import io.shopgraph.orders.api.events.OrderPlaced;
import io.shopgraph.platform.events.DomainEvent;
import io.shopgraph.platform.events.EventConsumer;
import io.shopgraph.platform.events.EventEnvelope;
import io.shopgraph.platform.persistence.Sql;
import io.shopgraph.store.api.StoreApi;
import io.shopgraph.store.api.StoreContact;

/**
 * The outbox consumer that turns an order's events into queued mails. It runs after the order's transaction
 * committed (a refused or rolled-back checkout published nothing, so it queues nothing), in its own transaction,
 * and only writes rows: sending is the {@link NotificationSender}'s job, later and outside any transaction, so a
 * slow or dead mail server can neither block nor roll back anything. Idempotent by event id and kind.
 * <ul>
 * <li>OrderPlaced: ORDER_CONFIRMATION to the order's email, MERCHANT_NEW_ORDER to the store's contact email (none
 * when the store has none).</li>
 * <li>OrderPaid: PAYMENT_RECEIPT to the customer, unless the confirmation was rendered when the order was already
 * paid (it then says so, and a receipt would repeat it).</li>
 * </ul>
 */
@ApplicationScoped
public class OrderNotificationsConsumer implements EventConsumer {

    private final OrdersApi orders;
    private final StoreApi stores;
    private final OrderMailRenderer renderer;
    private final NotificationQueue queue;
    private final Sql sql;

    OrderNotificationsConsumer(OrdersApi orders, StoreApi stores, OrderMailRenderer renderer, NotificationQueue queue, Sql sql) {
        this.orders = orders;
        this.stores = stores;
        this.renderer = renderer;
        this.queue = queue;
        this.sql = sql;
    }

    @Override
    public String name() {
        return "notifications.orders";
    }

    @Override
    public Set<Class<? extends DomainEvent>> eventTypes() {
        return Set.of(OrderPlaced.class, OrderPaid.class);
    }

    @Override
    public void handle(EventEnvelope envelope) {
        Optional<OrderView> found = orders.order(envelope.aggregateId());
        Optional<StoreContact> store = stores.contact(envelope.storeId());
        if (found.isEmpty() || store.isEmpty()) {
            return; // nothing to write about: the event's order or store is gone
        }
        OrderView order = found.get();
        if (envelope.event() instanceof OrderPlaced) {
            queue(envelope, NotificationKind.ORDER_CONFIRMATION, order.email(), order, store.get());
            queue(envelope, NotificationKind.MERCHANT_NEW_ORDER, store.get().contactEmail(), order, store.get());
        } else if (envelope.event() instanceof OrderPaid && !confirmedAsPaid(envelope.storeId().value(), order.uuid())) {
            queue(envelope, NotificationKind.PAYMENT_RECEIPT, order.email(), order, store.get());
        }
    }

    private void queue(EventEnvelope envelope, NotificationKind kind, String recipient, OrderView order, StoreContact store) {
        if (recipient == null || recipient.isBlank()) {
            return;
        }
        queue.enqueue(envelope.storeId(), order.uuid(), envelope.eventId(), kind, recipient, renderer.render(kind, order, store));
    }

    private boolean confirmedAsPaid(UUID store, UUID order) {
        List<Boolean> paid = sql.query("select order_paid from notifications.message where store_id = ? and order_id = ? "
                + "and kind = 'ORDER_CONFIRMATION' and event_id is not null", rs -> rs.getBoolean(1), store, order);
        return paid.contains(Boolean.TRUE);
    }
}
