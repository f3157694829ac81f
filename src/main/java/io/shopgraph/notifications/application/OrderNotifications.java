package io.shopgraph.notifications.application;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.shopgraph.notifications.domain.NotificationErrorCode;
import io.shopgraph.notifications.domain.NotificationKind;
import io.shopgraph.notifications.domain.NotificationStatus;
import io.shopgraph.orders.api.OrdersApi;
import io.shopgraph.platform.errors.DomainException;
import io.shopgraph.platform.kernel.GlobalId;
import io.shopgraph.platform.kernel.StoreId;
import io.shopgraph.platform.persistence.Sql;
import io.shopgraph.platform.tenancy.TenantContext;

/** The merchant's side of notifications: an order's mails (one statement for any number of orders) and a resend. */
@ApplicationScoped
public class OrderNotifications {

    private static final String COLUMNS = "id, order_id, kind, recipient, status, attempts, last_error, subject, template, resend_of, "
            + "created_at, sent_at";

    private final Sql sql;
    private final TenantContext tenant;
    private final OrdersApi orders;
    private final NotificationQueue queue;
    private final EntityManager em;

    OrderNotifications(Sql sql, TenantContext tenant, OrdersApi orders, NotificationQueue queue, EntityManager em) {
        this.em = em;
        this.sql = sql;
        this.tenant = tenant;
        this.orders = orders;
        this.queue = queue;
    }

    /**
     * The notifications of these orders of the current store, oldest first, by order: one statement, through the
     * EntityManager so that statement budgets count it like every other read of a request.
     */
    @Transactional
    public Map<UUID, List<OrderNotificationView>> ofOrders(Collection<UUID> orderIds) {
        if (orderIds.isEmpty()) {
            return Map.of();
        }
        StoreId store = tenant.requireStore();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select " + COLUMNS + " from notifications.message where store_id = :store "
                + "and order_id in (:orders) order by created_at, id").setParameter("store", store.value())
                .setParameter("orders", List.copyOf(orderIds)).getResultList();
        return rows.stream().map(OrderNotifications::view).collect(Collectors.groupingBy(OrderNotificationView::orderId, LinkedHashMap::new,
                Collectors.toList()));
    }

    private static OrderNotificationView view(Object[] r) {
        return new OrderNotificationView(GlobalId.format(OrderNotificationView.TYPE, (UUID) r[0]), NotificationKind.valueOf((String) r[2]),
                (String) r[3], NotificationStatus.valueOf((String) r[4]), ((Number) r[5]).intValue(), (String) r[6], (String) r[7],
                (String) r[8], r[9] != null, instant(r[10]), instant(r[11]), (UUID) r[1]);
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return (Instant) value;
    }

    /**
     * Queues the latest mail of this kind of the order again, to the same recipient with the same content. Refused
     * when the order is unknown here, when it never queued such a mail, or while one of that kind is still pending
     * (a double click must not send two).
     */
    @Transactional
    public OrderNotificationView resend(UUID orderId, NotificationKind kind) {
        StoreId store = tenant.requireStore();
        if (orderId == null || orders.number(orderId).isEmpty()) {
            throw new DomainException(NotificationErrorCode.ORDER_NOT_FOUND, List.of("orderId"), "No order has this id.");
        }
        // Lock the order's mails of this kind so two concurrent resends see each other's row.
        List<OrderNotificationView> ofKind = sql.query("select " + COLUMNS + " from notifications.message where store_id = ? "
                + "and order_id = ? and kind = ? order by created_at desc, id for update", OrderNotifications::row, store.value(), orderId, kind);
        if (ofKind.isEmpty()) {
            throw new DomainException(NotificationErrorCode.NOTIFICATION_NOT_FOUND, List.of("kind"),
                    "This order has no " + kind + " mail to resend.");
        }
        if (ofKind.stream().anyMatch(n -> n.status() == NotificationStatus.PENDING)) {
            throw new DomainException(NotificationErrorCode.ALREADY_PENDING, List.of("kind"),
                    "A " + kind + " mail of this order is still waiting to be sent.");
        }
        UUID id = queue.resend(store, GlobalId.parse(ofKind.get(0).id(), OrderNotificationView.TYPE).orElseThrow());
        Optional<OrderNotificationView> created = sql.query("select " + COLUMNS + " from notifications.message where store_id = ? and id = ?",
                OrderNotifications::row, store.value(), id).stream().findFirst();
        return created.orElseThrow();
    }

    private static OrderNotificationView row(ResultSet rs) throws SQLException {
        return new OrderNotificationView(GlobalId.format(OrderNotificationView.TYPE, rs.getObject("id", UUID.class)),
                NotificationKind.valueOf(rs.getString("kind")), rs.getString("recipient"), NotificationStatus.valueOf(rs.getString("status")),
                rs.getInt("attempts"), rs.getString("last_error"), rs.getString("subject"), rs.getString("template"),
                rs.getObject("resend_of") != null, Sql.instant(rs, "created_at"), Sql.instant(rs, "sent_at"),
                rs.getObject("order_id", UUID.class));
    }
}
