package io.shopgraph.orders.graphql;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.eclipse.microprofile.graphql.Type;

import io.shopgraph.orders.api.OrderViews;
import io.shopgraph.orders.api.OrderViews.OrderView;
import io.shopgraph.orders.application.BalanceRequests;
import io.shopgraph.orders.application.OrderBalances;
import io.shopgraph.orders.application.OrderCommands;
import io.shopgraph.orders.application.OrderReads;
import io.shopgraph.orders.domain.OrderErrorCode;
import io.shopgraph.orders.domain.OrderRules;
import io.shopgraph.payments.api.PaymentProvider;
import io.shopgraph.payments.api.PaymentStatus;
import io.shopgraph.payments.api.PaymentView;
import io.shopgraph.payments.api.PaymentsApi;
import io.shopgraph.platform.errors.DomainException;
import io.shopgraph.platform.graphql.MoneyView;
import io.shopgraph.platform.graphql.MutationSupport;
import io.shopgraph.platform.kernel.GlobalId;
import io.shopgraph.platform.kernel.Money;
import io.shopgraph.platform.security.MerchantGrant;
import io.shopgraph.platform.security.MerchantOperation;
import io.shopgraph.platform.security.Scope;
import io.shopgraph.platform.security.StoreAccess;
import io.shopgraph.platform.security.StorefrontOperation;

/**
 * Deposit orders' balances: Order.paymentPlan (deposit, paid, balance due, the merchant's request), the merchant's
 * orderBalanceRequest / orderBalanceWaive (write_orders) and the shopper's orderPaymentLink (storefront).
 */
@GraphQLApi
public class OrderBalanceApi {

    /** The hosted page of a link; the shopper opens it on this service's host. */
    public static final String PAY_PATH = "/pay/";

    private final OrderBalances balances;
    private final BalanceRequests requests;
    private final OrderCommands commands;
    private final OrderReads reads;
    private final PaymentsApi payments;
    private final StoreAccess access;

    OrderBalanceApi(OrderBalances balances, BalanceRequests requests, OrderCommands commands, OrderReads reads, PaymentsApi payments,
            StoreAccess access) {
        this.balances = balances;
        this.requests = requests;
        this.commands = commands;
        this.reads = reads;
        this.payments = payments;
        this.access = access;
    }

    @Type("OrderPaymentPlan")
    @Description("How a deposit order is paid: the deposit at checkout, the balance later (requested by the merchant, paid through a link).")
    public record OrderPaymentPlanView(
            @NonNull @Description("What checkout charged first: the deposits of deposit lines plus everything else in full.") MoneyView depositAmount,
            @NonNull @Description("What was paid so far (captured payments).") MoneyView amountPaid,
            @NonNull @Description("What is still to pay; zero once paid, waived or cancelled.") MoneyView balanceDue,
            @NonNull @Description("The balance the merchant waived (orderBalanceWaive); zero when none.") MoneyView waivedAmount,
            @Description("Merchant: the balance request and its payment link; null until requested, and for storefronts.")
            OrderBalanceRequestView balanceRequest) {
    }

    @Type("OrderBalanceRequest")
    @Description("The merchant's request for a deposit order's balance: a payment and the link the shopper completes it through.")
    public record OrderBalanceRequestView(
            @NonNull @Description("The amount asked.") MoneyView amount,
            @NonNull @Description("When it was requested.") Instant createdAt,
            @NonNull @Description("The link's secret token: give it to the shopper (orderPaymentLink(token:) reads it).") String paymentLinkToken,
            @NonNull @Description("The hosted payment page's path on this service, /pay/{token}.") String paymentUrlPath,
            @Description("The balance payment's status; null when it could not start yet (request again with the same key).") PaymentStatus paymentStatus) {
    }

    @Type("OrderBalanceRequestPayload")
    @Description("The result of orderBalanceRequest.")
    public record OrderBalanceRequestPayload(
            @Description("The request; null when the mutation failed.") OrderBalanceRequestView balanceRequest,
            @Description("The order as it now is.") OrderView order,
            @NonNull @Description("Why it failed; empty on success.") List<@NonNull OrderUserError> userErrors) {
    }

    @Type("OrderPaymentLink")
    @Description("What a balance payment link asks of the shopper, and how to pay it.")
    public record OrderPaymentLinkView(
            @NonNull @Description("The order's display name, e.g. #1001.") String orderName,
            @NonNull @Description("The amount to pay.") MoneyView amount,
            @NonNull @Description("Who moves the money.") PaymentProvider provider,
            @Description("The payment's status; null when it could not start yet.") PaymentStatus status,
            @Description("Stripe: the PaymentIntent's client secret for Stripe.js, while the shopper has to act.") String clientSecret,
            @Description("Stripe: the store's publishable key.") String publishableKey,
            @Description("Manual provider: what the shopper should do to pay.") String instructions) {
    }

    @Description("How the order is paid when it took a deposit; null for an order paid in full at checkout.")
    public List<OrderPaymentPlanView> paymentPlan(@Source List<OrderView> orders) {
        List<UUID> ids = orders.stream().map(OrderView::uuid).distinct().toList();
        Map<UUID, BalanceRequests.Plan> plans = requests.plans(ids);
        boolean merchant = access.merchant().filter(g -> g.allows(Scope.READ_ORDERS)).isPresent();
        Map<UUID, List<PaymentView>> paid = merchant && plans.values().stream().anyMatch(p -> p.request() != null)
                ? payments.byReferences(plans.keySet()) : Map.of();
        return orders.stream().map(o -> {
            BalanceRequests.Plan plan = plans.get(o.uuid());
            if (plan == null) {
                return null;
            }
            OrderBalanceRequestView request = merchant && plan.request() != null
                    ? requestView(plan.request(), paid.getOrDefault(o.uuid(), List.of()).stream()
                            .filter(p -> p.id().equals(plan.request().paymentId())).findFirst().orElse(null))
                    : null;
            return new OrderPaymentPlanView(money(plan.depositMinor(), plan.currencyCode()), money(plan.paidMinor(), plan.currencyCode()),
                    money(plan.balanceDueMinor(), plan.currencyCode()), money(plan.waivedMinor(), plan.currencyCode()), request);
        }).toList();
    }

    @Mutation("orderBalanceRequest")
    @MerchantOperation(Scope.WRITE_ORDERS)
    @NonNull
    @Description("Merchant: requests the balance of a deposit order whose deposit is paid: creates the balance payment (manual: pending, "
            + "completed by orderMarkAsPaid; Stripe: a PaymentIntent) and a payment link for the shopper. The same key answers the same "
            + "request; another key once requested is ALREADY_REQUESTED. Needs write_orders.")
    public OrderBalanceRequestPayload orderBalanceRequest(
            @NonNull @Id @Name("orderId") @Description("The order's global id.") String orderId,
            @NonNull @Name("idempotencyKey") @Description("A key the client chooses (1 to 255 characters): send it again to retry safely.")
            String idempotencyKey) {
        access.requireMerchant(Scope.WRITE_ORDERS);
        return MutationSupport.run(() -> {
            UUID order = parse(orderId);
            OrderBalances.Requested done = balances.request(order, idempotencyKey);
            return new OrderBalanceRequestPayload(requestView(done.request(), done.payment()), reads.byId(order).orElseThrow(), List.of());
        }, errors -> new OrderBalanceRequestPayload(null, null, OrderUserError.from(errors)));
    }

    @Mutation("orderBalanceWaive")
    @MerchantOperation(Scope.WRITE_ORDERS)
    @NonNull
    @Description("Merchant: closes the balance of a deposit order without payment: the order becomes PAID at what was paid, an open "
            + "balance payment is cancelled, and the timeline records it. Idempotent. Needs write_orders.")
    public OrderMutations.OrderPayload orderBalanceWaive(
            @NonNull @Id @Name("orderId") @Description("The order's global id.") String orderId,
            @Name("reason") @Description("Why (at most 500 characters).") String reason) {
        MerchantGrant grant = access.requireMerchant(Scope.WRITE_ORDERS);
        return MutationSupport.run(() -> {
            UUID order = parse(orderId);
            commands.waiveBalance(order, reason, grant.actor());
            return new OrderMutations.OrderPayload(reads.byId(order).orElseThrow(), List.of());
        }, errors -> new OrderMutations.OrderPayload(null, OrderUserError.from(errors)));
    }

    @Query("orderPaymentLink")
    @StorefrontOperation
    @Description("Storefront: the balance payment a link token (from the merchant's orderBalanceRequest) asks for; null for any other "
            + "token or another store's.")
    public OrderPaymentLinkView orderPaymentLink(@NonNull @Name("token") @Description("The link's token.") String token) {
        access.requireStorefront();
        return balances.link(token).map(OrderBalanceApi::linkView).orElse(null);
    }

    static OrderPaymentLinkView linkView(OrderBalances.Link link) {
        BalanceRequests.Row row = link.request();
        PaymentView payment = link.payment();
        PaymentProvider provider = payment != null ? payment.provider() : link.settings().provider();
        boolean open = payment != null && payment.status() != PaymentStatus.SUCCEEDED && payment.status() != PaymentStatus.CANCELED;
        return new OrderPaymentLinkView(OrderRules.name(row.orderNumber()), money(row.amountMinor(), row.currencyCode()), provider,
                payment == null ? null : payment.status(),
                open && provider == PaymentProvider.STRIPE ? payment.clientSecret() : null,
                provider == PaymentProvider.STRIPE ? link.settings().publishableKey() : null,
                provider == PaymentProvider.MANUAL ? "Pay as the merchant instructs (e.g. bank transfer) quoting order "
                        + OrderRules.name(row.orderNumber()) + "; the balance is settled when the merchant receives the money." : null);
    }

    private static OrderBalanceRequestView requestView(BalanceRequests.Row row, PaymentView payment) {
        return new OrderBalanceRequestView(money(row.amountMinor(), row.currencyCode()), row.createdAt(), row.linkToken(),
                PAY_PATH + row.linkToken(), payment == null ? null : payment.status());
    }

    private static UUID parse(String id) {
        return GlobalId.parse(id, OrderViews.ORDER).orElseThrow(() -> new DomainException(OrderErrorCode.ORDER_NOT_FOUND, List.of("orderId"),
                "No order has this id."));
    }

    private static MoneyView money(long minor, String currency) {
        return MoneyView.of(Money.of(minor, currency));
    }
}
