package io.shopgraph.orders.graphql;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.shopgraph.orders.application.OrderCommands;
import io.shopgraph.orders.application.OrderCommands.LineQuantity;
import io.shopgraph.orders.application.OrderReads;
import io.shopgraph.orders.application.OrderRefunds;
import io.shopgraph.orders.api.OrderViews;
import io.shopgraph.orders.api.OrderViews.FulfillmentView;
import io.shopgraph.orders.api.OrderViews.OrderView;
import io.shopgraph.orders.api.OrderViews.RefundView;
import io.shopgraph.orders.domain.OrderErrorCode;
import io.shopgraph.platform.errors.DomainException;
import io.shopgraph.platform.graphql.Decimal;
import io.shopgraph.platform.graphql.MutationSupport;
import io.shopgraph.platform.kernel.GlobalId;
import io.shopgraph.platform.security.MerchantGrant;
import io.shopgraph.platform.security.MerchantOperation;
import io.shopgraph.platform.security.Scope;
import io.shopgraph.platform.security.StoreAccess;

/** The merchant's order mutations (write_orders). Each is one use case and one transaction. */
@GraphQLApi
public class OrderMutations {

    private final OrderCommands commands;
    private final OrderRefunds refunds;
    private final OrderReads reads;
    private final StoreAccess access;

    OrderMutations(OrderCommands commands, OrderRefunds refunds, OrderReads reads, StoreAccess access) {
        this.commands = commands;
        this.refunds = refunds;
        this.reads = reads;
        this.access = access;
    }

    @Input("OrderLineQuantityInput")
    @Description("Units of one order line.")
    public record OrderLineQuantityInput(
            @NonNull @Id @Description("The order line's global id.") String lineId,
            @NonNull @Description("How many units.") int quantity) {
    }

    @Input("FulfillmentInput")
    @Description("What to fulfil and how it travels.")
    public record FulfillmentInput(
            @Description("The lines and units; all units left to fulfil when omitted.") List<OrderLineQuantityInput> lines,
            @Description("The carrier (at most 100 characters).") String trackingCompany,
            @Description("The tracking number (at most 100 characters).") String trackingNumber,
            @Description("The tracking page (at most 2,000 characters).") String trackingUrl) {
    }

    @Input("RefundInput")
    @Description("What to refund: lines, an amount, or both (the amount then wins over the lines' worth).")
    public record RefundInput(
            @Description("The lines and units refunded.") List<OrderLineQuantityInput> lines,
            @Description("The amount to pay back, in the order's currency; the lines' worth when omitted.") Decimal amount,
            @Description("Whether the refunded lines' units go back on sale (default false).") Boolean restock,
            @Description("Why (at most 500 characters).") String reason) {
    }

    @Type("OrderPayload")
    @Description("The result of an order mutation: the order as it now is, or userErrors and nothing changed.")
    public record OrderPayload(
            @Description("The order; null when the mutation failed.") OrderView order,
            @NonNull @Description("Why the mutation failed; empty on success.") List<@NonNull OrderUserError> userErrors) {
    }

    @Type("FulfillmentCreatePayload")
    @Description("The result of fulfillmentCreate.")
    public record FulfillmentCreatePayload(
            @Description("The new fulfilment.") FulfillmentView fulfillment,
            @Description("The order as it now is.") OrderView order,
            @NonNull @Description("Why it failed; empty on success.") List<@NonNull OrderUserError> userErrors) {
    }

    @Type("RefundCreatePayload")
    @Description("The result of refundCreate.")
    public record RefundCreatePayload(
            @Description("The new refund.") RefundView refund,
            @Description("The order as it now is.") OrderView order,
            @NonNull @Description("Why it failed; empty on success.") List<@NonNull OrderUserError> userErrors) {
    }

    @Mutation("orderMarkAsPaid")
    @MerchantOperation(Scope.WRITE_ORDERS)
    @NonNull
    @Description("Merchant: records that the money of a manual-provider order arrived (bank transfer, cash): the order becomes PAID "
            + "and its reserved stock leaves for good. Idempotent. Needs write_orders.")
    public OrderPayload orderMarkAsPaid(@NonNull @Id @Name("id") @Description("The order's global id.") String id) {
        MerchantGrant grant = access.requireMerchant(Scope.WRITE_ORDERS);
        return onOrder(id, order -> commands.markAsPaid(order, grant.actor()));
    }

    @Mutation("orderCancel")
    @MerchantOperation(Scope.WRITE_ORDERS)
    @NonNull
    @Description("Merchant: cancels an order that is not fulfilled: its stock goes back on sale and what was paid is refunded. "
            + "With Stripe the order is cancelled once Stripe refunded it (PAYMENT_PROVIDER_ERROR and no change if Stripe refuses). "
            + "Needs write_orders.")
    public OrderPayload orderCancel(@NonNull @Id @Name("id") @Description("The order's global id.") String id,
            @Name("reason") @Description("Why (at most 500 characters).") String reason) {
        MerchantGrant grant = access.requireMerchant(Scope.WRITE_ORDERS);
        return onOrder(id, order -> refunds.cancel(order, reason, grant.actor()));
    }

    @Mutation("orderNoteUpdate")
    @MerchantOperation(Scope.WRITE_ORDERS)
    @NonNull
    @Description("Merchant: sets (or, with null, clears) the merchant's note on an order. Needs write_orders.")
    public OrderPayload orderNoteUpdate(@NonNull @Id @Name("id") @Description("The order's global id.") String id,
            @Name("note") @Description("The note (at most 5,000 characters).") String note) {
        MerchantGrant grant = access.requireMerchant(Scope.WRITE_ORDERS);
        return onOrder(id, order -> commands.updateNote(order, note, grant.actor()));
    }

    @Mutation("fulfillmentCreate")
    @MerchantOperation(Scope.WRITE_ORDERS)
    @NonNull
    @Description("Merchant: fulfils units of a paid order (partial allowed), with tracking. Needs write_orders.")
    public FulfillmentCreatePayload fulfillmentCreate(@NonNull @Id @Name("orderId") @Description("The order's global id.") String orderId,
            @Name("input") @Description("What to fulfil; everything left when omitted.") FulfillmentInput input) {
        MerchantGrant grant = access.requireMerchant(Scope.WRITE_ORDERS);
        FulfillmentInput in = input == null ? new FulfillmentInput(null, null, null, null) : input;
        return MutationSupport.run(() -> {
            UUID order = parse(orderId);
            UUID created = commands.fulfill(order, lines(in.lines()), in.trackingCompany(), in.trackingNumber(), in.trackingUrl(), grant.actor());
            OrderView view = reads.byId(order).orElseThrow();
            String gid = GlobalId.format(OrderViews.FULFILLMENT, created);
            return new FulfillmentCreatePayload(view.fulfillments().stream().filter(f -> f.id().equals(gid)).findFirst().orElse(null), view, List.of());
        }, errors -> new FulfillmentCreatePayload(null, null, OrderUserError.from(errors)));
    }

    @Mutation("refundCreate")
    @MerchantOperation(Scope.WRITE_ORDERS)
    @NonNull
    @Description("Merchant: pays back lines and/or an amount of a paid order, optionally putting the lines' units back on sale. The total "
            + "refunded never exceeds what was paid, even under concurrent refunds. With Stripe the refund is made at Stripe before this "
            + "answers (PAYMENT_PROVIDER_ERROR and nothing paid back if Stripe refuses; status PENDING if Stripe did not answer, settled "
            + "later). Needs write_orders.")
    public RefundCreatePayload refundCreate(@NonNull @Id @Name("orderId") @Description("The order's global id.") String orderId,
            @NonNull @Name("input") @Description("What to refund.") RefundInput input) {
        MerchantGrant grant = access.requireMerchant(Scope.WRITE_ORDERS);
        return MutationSupport.run(() -> {
            UUID order = parse(orderId);
            UUID created = refunds.refund(order, lines(input.lines()), input.amount() == null ? null : input.amount().value(),
                    Boolean.TRUE.equals(input.restock()), input.reason(), grant.actor());
            OrderView view = reads.byId(order).orElseThrow();
            String gid = GlobalId.format(OrderViews.REFUND, created);
            return new RefundCreatePayload(view.refunds().stream().filter(r -> r.id().equals(gid)).findFirst().orElse(null), view, List.of());
        }, errors -> new RefundCreatePayload(null, null, OrderUserError.from(errors)));
    }

    private OrderPayload onOrder(String id, java.util.function.Consumer<UUID> command) {
        return MutationSupport.run(() -> {
            UUID order = parse(id);
            command.accept(order);
            return new OrderPayload(reads.byId(order).orElseThrow(), List.of());
        }, errors -> new OrderPayload(null, OrderUserError.from(errors)));
    }

    private static UUID parse(String id) {
        return GlobalId.parse(id, OrderViews.ORDER).orElseThrow(() -> new DomainException(OrderErrorCode.ORDER_NOT_FOUND, List.of("id"),
                "No order has this id."));
    }

    private static List<LineQuantity> lines(List<OrderLineQuantityInput> lines) {
        if (lines == null) {
            return null;
        }
        if (lines.size() > 250) {
            throw new DomainException(OrderErrorCode.INVALID_QUANTITY, List.of("input", "lines"), "At most 250 lines.");
        }
        return lines.stream().filter(Objects::nonNull).map(l -> new LineQuantity(GlobalId.parse(l.lineId(), OrderViews.LINE).orElse(null),
                l.quantity())).toList();
    }
}
