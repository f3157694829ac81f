package io.shopgraph.orders.application;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.shopgraph.orders.domain.OrderErrorCode;
import io.shopgraph.orders.domain.OrderRules;
import io.shopgraph.payments.api.PaymentRequest;
import io.shopgraph.payments.api.PaymentSettingsView;
import io.shopgraph.payments.api.PaymentView;
import io.shopgraph.payments.api.PaymentsApi;
import io.shopgraph.platform.errors.DomainException;
import io.shopgraph.platform.tenancy.TenantContext;
import io.shopgraph.platform.tenancy.TenantScope;

/**
 * A deposit order's balance: the merchant's request creates the balance payment and the shopper's link; the link
 * shows what the shopper pays and how. No provider call holds a transaction open: the request's row is claimed in
 * one transaction, the payment starts with none open (Stripe's PaymentIntent), and it is attached in another, so a
 * provider failure leaves the claimed request, which the same idempotency key completes.
 */
@ApplicationScoped
public class OrderBalances {

    private static final Logger LOG = Logger.getLogger(OrderBalances.class);

    /** A request and its payment (null when the provider could not be reached). */
    public record Requested(BalanceRequests.Row request, PaymentView payment) {
    }

    /** What a payment link shows: the order, the amount and the payment to complete (with the store's provider settings). */
    public record Link(BalanceRequests.Row request, PaymentView payment, PaymentSettingsView settings) {
    }

    private final BalanceRequests requests;
    private final OrderCommands commands;
    private final PaymentsApi payments;
    private final TenantContext tenant;
    private final TenantScope scope;

    OrderBalances(BalanceRequests requests, OrderCommands commands, PaymentsApi payments, TenantContext tenant, TenantScope scope) {
        this.requests = requests;
        this.commands = commands;
        this.payments = payments;
        this.tenant = tenant;
        this.scope = scope;
    }

    /** orderBalanceRequest: idempotent by key; another key once requested is ALREADY_REQUESTED. */
    public Requested request(UUID orderId, String idempotencyKey) {
        BalanceRequests.Row row = requests.claim(orderId, idempotencyKey);
        PaymentView payment = row.paymentId() == null ? null : payments.payment(row.paymentId()).orElse(null);
        if (payment == null) {
            try {
                payment = payments.start(new PaymentRequest(orderId, row.amountMinor(), row.currencyCode(), paymentKey(orderId),
                        "Order " + OrderRules.name(row.orderNumber()) + " balance",
                        Map.of("shopgraph_order_id", orderId.toString(), "shopgraph_store_id", tenant.requireStore().value().toString(),
                                "shopgraph_purpose", "balance")));
            } catch (RuntimeException e) {
                LOG.warnf(e, "orders: the balance payment of order %s could not start", orderId);
                throw new DomainException(OrderErrorCode.PAYMENT_PROVIDER_ERROR, List.of("orderId"),
                        "The balance payment could not start; call again with the same idempotency key.");
            }
            requests.attach(row.id(), payment.id());
            commands.applyPayment(payment);
            row = requests.byOrder(orderId).orElse(row);
        }
        return new Requested(row, payment);
    }

    /** The link in the current store (orderPaymentLink); empty for an unknown token or another store's. */
    public Optional<Link> link(String token) {
        return requests.byToken(token).map(row -> new Link(row, row.paymentId() == null ? null : payments.payment(row.paymentId()).orElse(null),
                payments.settings()));
    }

    /** The link for the hosted page, which has no storefront token: the store named in the token is bound first. */
    public Optional<Link> linkForPage(String token) {
        return BalanceRequests.storeOf(token).flatMap(store -> scope.call(store, () -> link(token)));
    }

    /** The balance payment's idempotency key: one balance payment per order (the request is one per order too). */
    static String paymentKey(UUID orderId) {
        return "order-" + orderId + "-balance";
    }
}
