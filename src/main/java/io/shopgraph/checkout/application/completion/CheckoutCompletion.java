package io.shopgraph.checkout.application.completion;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

import io.shopgraph.orders.api.OrderViews.OrderView;
import io.shopgraph.orders.api.OrdersApi;
import io.shopgraph.payments.api.PaymentProvider;
import io.shopgraph.payments.api.PaymentRequest;
import io.shopgraph.payments.api.PaymentSettingsView;
import io.shopgraph.payments.api.PaymentStatus;
import io.shopgraph.payments.api.PaymentView;
import io.shopgraph.payments.api.PaymentsApi;
import io.shopgraph.platform.tenancy.TenantContext;

/**
 * checkoutComplete: the order's transaction ({@link CheckoutPlacement}), then, after it committed, the payment
 * (a provider call must not hold the order's transaction open), then the order follows its payment through
 * the one idempotent {@link OrdersApi#applyPayment}. The payment's idempotency key derives from the order id,
 * so a replay of the checkout starts no second payment, and one whose payment could not start starts it now.
 * <p>
 * The manual provider calls nobody, so its part after the order's commit (the store's payment settings, the pending
 * payment, the answer's order) is one transaction instead of one per step: six transactions per checkout became two.
 */
@ApplicationScoped
public class CheckoutCompletion {

    private static final Logger LOG = Logger.getLogger(CheckoutCompletion.class);

    /** The checkout's result; {@code payment} is null when the provider could not be reached (replay to retry). */
    public record Completed(OrderView order, String orderToken, PaymentView payment, PaymentSettingsView settings) {
    }

    private final CheckoutPlacement placement;
    private final PaymentsApi payments;
    private final OrdersApi orders;
    private final TenantContext tenant;

    CheckoutCompletion(CheckoutPlacement placement, PaymentsApi payments, OrdersApi orders, TenantContext tenant) {
        this.placement = placement;
        this.payments = payments;
        this.orders = orders;
        this.tenant = tenant;
    }

    public Completed complete(String cartId, String idempotencyKey) {
        CheckoutPlacement.Placed placed = placement.place(cartId, idempotencyKey);
        PaymentRequest request = new PaymentRequest(placed.orderId(), placed.dueNowMinor(), placed.currencyCode(), paymentKey(placed.orderId()),
                "Order #" + placed.number(), Map.of("shopgraph_order_id", placed.orderId().toString(),
                        "shopgraph_store_id", tenant.requireStore().value().toString()));
        AtomicReference<PaymentSettingsView> settings = new AtomicReference<>();
        try {
            Completed manual = QuarkusTransaction.requiringNew().call(() -> {
                settings.set(payments.settings());
                if (settings.get().provider() != PaymentProvider.MANUAL) {
                    return null; // Stripe is called with no transaction open, below
                }
                PaymentView payment = payments.start(request);
                follow(payment);
                return new Completed(orders.order(placed.orderId()).orElseThrow(), placed.token(), payment, settings.get());
            });
            if (manual != null) {
                return manual;
            }
            PaymentView payment = payments.start(request);
            follow(payment);
            return new Completed(orders.order(placed.orderId()).orElseThrow(), placed.token(), payment, settings.get());
        } catch (RuntimeException e) {
            // The order and its reservation stand; the same idempotency key retries the payment.
            LOG.warnf(e, "checkout: the payment of order %s could not start", placed.orderId());
        }
        return new Completed(orders.order(placed.orderId()).orElseThrow(), placed.token(), null, settings.get());
    }

    /**
     * The order follows its payment. A new order's first payment that is still open (pending, processing) changes
     * nothing in the order ({@link OrdersApi#applyPayment} would lock it and sum its payments to find that out).
     */
    private void follow(PaymentView payment) {
        if (payment.status() != PaymentStatus.PENDING && payment.status() != PaymentStatus.PROCESSING) {
            orders.applyPayment(payment);
        }
    }

    /** The payment's idempotency key: ours, from the order id (the provider's key derives from it too). */
    static String paymentKey(UUID orderId) {
        return "order-" + orderId + "-payment";
    }
}
