package io.shopgraph.notifications.graphql;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;
import org.eclipse.microprofile.graphql.Type;

import io.shopgraph.notifications.application.OrderNotificationView;
import io.shopgraph.notifications.application.OrderNotifications;
import io.shopgraph.notifications.domain.NotificationErrorCode;
import io.shopgraph.notifications.domain.NotificationKind;
import io.shopgraph.orders.api.OrderViews;
import io.shopgraph.orders.api.OrderViews.OrderView;
import io.shopgraph.platform.errors.DomainException;
import io.shopgraph.platform.errors.UserErrorDetail;
import io.shopgraph.platform.graphql.MutationSupport;
import io.shopgraph.platform.kernel.GlobalId;
import io.shopgraph.platform.security.MerchantOperation;
import io.shopgraph.platform.security.Scope;
import io.shopgraph.platform.security.StoreAccess;

/** Order notifications in the API: {@code Order.notifications} (read_orders) and {@code orderNotificationResend} (write_orders). */
@GraphQLApi
public class OrderNotificationGraph {

    private final OrderNotifications notifications;
    private final StoreAccess access;

    OrderNotificationGraph(OrderNotifications notifications, StoreAccess access) {
        this.notifications = notifications;
        this.access = access;
    }

    @Type("OrderNotificationUserError")
    @Description("Why an order notification mutation failed.")
    public record OrderNotificationUserError(
            @NonNull @Description("The path to the input field at fault; empty when no single field is.") List<@NonNull String> field,
            @NonNull @Description("What went wrong, as a stable code.") NotificationErrorCode code,
            @NonNull @Description("What went wrong, for people.") String message) {

        static List<OrderNotificationUserError> from(List<UserErrorDetail> errors) {
            return errors.stream().map(e -> new OrderNotificationUserError(e.field(), (NotificationErrorCode) e.code(), e.message())).toList();
        }
    }

    @Type("OrderNotificationResendPayload")
    @Description("The result of orderNotificationResend: the new queued mail, or userErrors and nothing queued.")
    public record OrderNotificationResendPayload(
            @Description("The mail queued again; null when the mutation failed.") OrderNotificationView notification,
            @NonNull @Description("Why the mutation failed; empty on success.") List<@NonNull OrderNotificationUserError> userErrors) {
    }

    @Description("Merchant: the mails this order sent or is sending (confirmation, new-order notice, receipt, resends), oldest first; "
            + "null for storefronts. Needs read_orders.")
    public List<List<@NonNull OrderNotificationView>> notifications(@Source List<OrderView> orders) {
        if (access.merchant().filter(g -> g.allows(Scope.READ_ORDERS)).isEmpty()) {
            return Collections.nCopies(orders.size(), null);
        }
        Map<UUID, List<OrderNotificationView>> found = notifications.ofOrders(orders.stream().map(OrderView::uuid).distinct().toList());
        return orders.stream().map(o -> found.getOrDefault(o.uuid(), List.of())).toList();
    }

    @Mutation("orderNotificationResend")
    @MerchantOperation(Scope.WRITE_ORDERS)
    @NonNull
    @Description("Merchant: sends an order's latest mail of this kind again, to the same recipient with the same content (e.g. the "
            + "customer lost the confirmation, or it FAILED). Refused while one of that kind is still pending. Needs write_orders.")
    public OrderNotificationResendPayload orderNotificationResend(
            @NonNull @Id @Name("orderId") @Description("The order's global id.") String orderId,
            @NonNull @Name("kind") @Description("Which mail.") NotificationKind kind) {
        access.requireMerchant(Scope.WRITE_ORDERS);
        return MutationSupport.run(() -> {
            UUID order = GlobalId.parse(orderId, OrderViews.ORDER).orElseThrow(() -> new DomainException(NotificationErrorCode.ORDER_NOT_FOUND,
                    List.of("orderId"), "No order has this id."));
            return new OrderNotificationResendPayload(notifications.resend(order, kind), List.of());
        }, errors -> new OrderNotificationResendPayload(null, OrderNotificationUserError.from(errors)));
    }
}
