package io.shopgraph.checkout.application.completion;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.shopgraph.orders.api.OrderViews.OrderView;
import io.shopgraph.orders.api.OrdersApi;
import io.shopgraph.payments.api.PaymentRequest;
import io.shopgraph.payments.api.PaymentSettingsView;
import io.shopgraph.payments.api.PaymentView;
import io.shopgraph.payments.api.PaymentsApi;
import io.shopgraph.platform.tenancy.TenantContext;

/**
 * checkoutComplete: the order's transaction ({@link CheckoutPlacement}), then, after it committed, the payment
 * (a provider call must not hold the order's transaction open), then the order follows its payment through
 * the one idempotent {@link OrdersApi#applyPayment}. The payment's idempotency key derives from the order id,
 * so a replay of the checkout starts no second payment, and one whose payment could not start starts it now.
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
        PaymentView payment = null;
        PaymentSettingsView settings = null;
        try {
            settings = payments.settings();
            payment = payments.start(new PaymentRequest(placed.orderId(), placed.dueNowMinor(), placed.currencyCode(),
                    paymentKey(placed.orderId()), "Order " + orders.number(placed.orderId()).map(n -> "#" + n).orElse(""),
                    Map.of("shopgraph_order_id", placed.orderId().toString(),
                            "shopgraph_store_id", tenant.requireStore().value().toString())));
            orders.applyPayment(payment);
        } catch (RuntimeException e) {
            // The order and its reservation stand; the same idempotency key retries the payment.
            LOG.warnf(e, "checkout: the payment of order %s could not start", placed.orderId());
        }
        Optional<OrderView> order = orders.order(placed.orderId());
        return new Completed(order.orElseThrow(), placed.token(), payment, settings);
    }

    /** The payment's idempotency key: ours, from the order id (the provider's key derives from it too). */
    static String paymentKey(UUID orderId) {
        return "order-" + orderId + "-payment";
    }
}
