package io.shopgraph.orders.api;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.shopgraph.payments.api.PaymentView;

/** What other modules (checkout) may ask of orders, in the current store and the caller's transaction. */
public interface OrdersApi {

    /**
     * Places an order in PENDING_PAYMENT with its stock RESERVED (the caller reserved it in the same transaction). The
     * order, its lines and its timeline are written, then {@code beforeNumbering} runs the rest of the caller's work in
     * this transaction (it gets the new lines' ids, in the order's line order, and the guest token), and only then does
     * the order take its number and announce itself: the store's order counter is a row every checkout of the store
     * updates, locked until commit, so it is taken by the transaction's last statements.
     */
    PlacedOrder place(NewOrder order, BeforeNumbering beforeNumbering);

    /** The caller's work inside {@link #place}'s transaction, after the order is written and before it is numbered. */
    @FunctionalInterface
    interface BeforeNumbering {
        /** {@code lineIds}: the new order lines' ids in the order's line order; {@code token}: the guest's order token. */
        void run(List<UUID> lineIds, String token);
    }

    /** The order as the API shows it, when it exists in the current store (four statements). */
    Optional<OrderViews.OrderView> order(UUID orderId);

    /** The order's number, when it exists in the current store. */
    Optional<Long> number(UUID orderId);

    /**
     * The one writer of an order's payment state: brings the order in line with its payments (amount paid,
     * PAID once, stock committed). Idempotent; the synchronous path and the payment-event consumer both call it.
     */
    void applyPayment(PaymentView payment);

    /** Unpaid orders whose reservation ended before now, oldest first (at most {@code limit}). */
    List<UUID> reservationsDue(int limit);

    /** Releases an unpaid order's expired reservation (RELEASE instruction, timeline); false when it is no longer due. */
    boolean expireReservation(UUID orderId);
}
