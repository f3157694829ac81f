package io.shopgraph.orders.application;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.shopgraph.orders.application.OrderCommands.LineQuantity;
import io.shopgraph.orders.application.OrderCommands.RefundClaim;
import io.shopgraph.orders.domain.OrderErrorCode;
import io.shopgraph.payments.api.PaymentsApi;
import io.shopgraph.platform.errors.DomainException;

/**
 * refundCreate and orderCancel as hold-then-settle, because a provider call (Stripe) must not run inside a
 * transaction: (1) a short transaction claims the amount under the order's lock and holds it at the payment;
 * (2) with no transaction open, the provider is asked, with an idempotency key derived from our refund id;
 * (3) a short transaction settles the order from the payment refund's outcome. The manual provider's refund is
 * complete after (1). A crash between (1) and (3) leaves a pending refund: the payments reconciler asks Stripe
 * again and the order settles from the resulting payment event.
 */
@ApplicationScoped
public class OrderRefunds {

    private final OrderCommands commands;
    private final PaymentsApi payments;

    OrderRefunds(OrderCommands commands, PaymentsApi payments) {
        this.commands = commands;
        this.payments = payments;
    }

    /** Refunds; answers the order refund's id. Stripe refused: PAYMENT_PROVIDER_ERROR and nothing paid back. */
    public UUID refund(UUID orderId, List<LineQuantity> lines, BigDecimal amount, boolean restock, String reason, String actor) {
        RefundClaim claim = commands.claimRefund(orderId, lines, amount, restock, reason, actor);
        if (claim.pending()) {
            payments.settleRefund(claim.paymentRefundId());
            boolean failed = commands.settleRefunds(orderId).stream()
                    .anyMatch(r -> r.id().equals(claim.orderRefundId()) && "FAILED".equals(r.status()));
            if (failed) {
                throw refused("The payment provider refused the refund; nothing was paid back.");
            }
        }
        return claim.orderRefundId();
    }

    /** Cancels; with a payment to refund through a provider, the order is cancelled once the provider refunded it. */
    public void cancel(UUID orderId, String reason, String actor) {
        List<UUID> pending = commands.cancel(orderId, reason, actor);
        if (pending.isEmpty()) {
            return;
        }
        pending.forEach(payments::settleRefund);
        boolean failed = commands.settleRefunds(orderId).stream()
                .anyMatch(r -> pending.contains(r.paymentRefundId()) && "FAILED".equals(r.status()));
        if (failed) {
            throw refused("The payment provider refused the refund; the order was not cancelled.");
        }
    }

    private static DomainException refused(String message) {
        return new DomainException(OrderErrorCode.PAYMENT_PROVIDER_ERROR, List.of("id"), message);
    }
}
