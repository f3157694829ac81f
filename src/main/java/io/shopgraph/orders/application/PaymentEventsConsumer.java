package io.shopgraph.orders.application;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.shopgraph.orders.api.OrdersApi;
import io.shopgraph.payments.api.PaymentsApi;
import io.shopgraph.payments.api.events.PaymentCanceled;
import io.shopgraph.payments.api.events.PaymentFailed;
import io.shopgraph.payments.api.events.PaymentProcessing;
import io.shopgraph.payments.api.events.PaymentRefundFailed;
import io.shopgraph.payments.api.events.PaymentRefunded;
import io.shopgraph.payments.api.events.PaymentSucceeded;
import io.shopgraph.platform.events.DomainEvent;
import io.shopgraph.platform.events.EventConsumer;
import io.shopgraph.platform.events.EventEnvelope;

/**
 * Orders follow their payments: whatever changed a payment (a Stripe webhook, the reconciler, markPaid), its
 * event lands here and the order is brought in line through the one idempotent {@link OrdersApi#applyPayment}.
 * The event only names the payment; its current state (and its refunds') is read again, so events in any order
 * converge; refunds settled by the payments module alone (the reconciler, Stripe's dashboard) reach the order here.
 */
@ApplicationScoped
public class PaymentEventsConsumer implements EventConsumer {

    private final PaymentsApi payments;
    private final OrdersApi orders;

    PaymentEventsConsumer(PaymentsApi payments, OrdersApi orders) {
        this.payments = payments;
        this.orders = orders;
    }

    @Override
    public String name() {
        return "orders.payments";
    }

    @Override
    public Set<Class<? extends DomainEvent>> eventTypes() {
        return Set.of(PaymentSucceeded.class, PaymentProcessing.class, PaymentFailed.class, PaymentCanceled.class, PaymentRefunded.class,
                PaymentRefundFailed.class);
    }

    @Override
    public void handle(EventEnvelope envelope) {
        payments.payment(envelope.aggregateId()).ifPresent(orders::applyPayment);
    }
}
