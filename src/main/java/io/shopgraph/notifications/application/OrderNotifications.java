package io.shopgraph.notifications.application;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
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

    OrderNotifications(Sql sql, TenantContext tenant, OrdersApi orders, NotificationQueue queue) {
        this.sql = sql;
        this.tenant = tenant;
        this.orders = orders;
        this.queue = queue;
    }

    /** The notifications of these orders of the current store, oldest first, by order. */
    @Transactional
    public Map<UUID, List<OrderNotificationView>> ofOrders(Collection<UUID> orderIds) {
        if (orderIds.isEmpty()) {
            return Map.of();
        }
        StoreId store = tenant.requireStore();
        List<OrderNotificationView> rows = sql.query("select " + COLUMNS + " from notifications.message where store_id = ? "
                + "and order_id = any(cast(? as uuid[])) order by created_at, id", OrderNotifications::view, store.value(),
                orderIds.stream().map(UUID::toString).toArray(String[]::new));
        return rows.stream().collect(Collectors.groupingBy(OrderNotificationView::orderId, LinkedHashMap::new, Collectors.toList()));
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
                + "and order_id = ? and kind = ? order by created_at desc, id for update", OrderNotifications::view, store.value(), orderId, kind);
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
                OrderNotifications::view, store.value(), id).stream().findFirst();
        return created.orElseThrow();
    }

    private static OrderNotificationView view(ResultSet rs) throws SQLException {
        return new OrderNotificationView(GlobalId.format(OrderNotificationView.TYPE, rs.getObject("id", UUID.class)),
                NotificationKind.valueOf(rs.getString("kind")), rs.getString("recipient"), NotificationStatus.valueOf(rs.getString("status")),
                rs.getInt("attempts"), rs.getString("last_error"), rs.getString("subject"), rs.getString("template"),
                rs.getObject("resend_of") != null, Sql.instant(rs, "created_at"), Sql.instant(rs, "sent_at"),
                rs.getObject("order_id", UUID.class));
    }
}
