package io.shopgraph.orders.domain;

import io.shopgraph.orders.api.OrderStatus;
import java.util.List;

/** The order's rules as plain Java: its status from its amounts, and how much a refund of lines is worth. */
public final class OrderRules {

    /** The first order number of every store ("#1001"). */
    public static final long FIRST_NUMBER = 1001;

    private OrderRules() {
    }

    /**
     * The status that the amounts say. Cancellation wins; then refunds; then payment; then fulfilment of a paid
     * order.
     */
    public static OrderStatus status(boolean cancelled, long totalMinor, long paidMinor, long refundedMinor, int fulfilledUnits,
            int totalUnits) {
        if (cancelled) {
            return OrderStatus.CANCELLED;
        }
        if (refundedMinor > 0) {
            return refundedMinor >= paidMinor ? OrderStatus.REFUNDED : OrderStatus.PARTIALLY_REFUNDED;
        }
        if (paidMinor <= 0 && totalMinor > 0) {
            return OrderStatus.PENDING_PAYMENT;
        }
        if (paidMinor < totalMinor) {
            return OrderStatus.PARTIALLY_PAID;
        }
        if (totalUnits > 0 && fulfilledUnits >= totalUnits) {
            return OrderStatus.FULFILLED;
        }
        return fulfilledUnits > 0 ? OrderStatus.PARTIALLY_FULFILLED : OrderStatus.PAID;
    }

    /** Whether the order counts as paid in full. */
    public static boolean fullyPaid(long totalMinor, long paidMinor) {
        return paidMinor >= totalMinor;
    }

    /**
     * What refunding {@code quantity} units of a line is worth: its share of the line's total, rounded down,
     * and the whole rest of the line for its last units (so refunding every unit one by one sums to the line's
     * total exactly).
     */
    public static long lineRefund(long lineTotalMinor, int lineQuantity, int alreadyRefunded, int quantity) {
        if (quantity <= 0 || alreadyRefunded + quantity > lineQuantity) {
            throw new IllegalArgumentException("quantity");
        }
        long before = Math.floorDiv(Math.multiplyExact(lineTotalMinor, (long) alreadyRefunded), lineQuantity);
        long after = Math.floorDiv(Math.multiplyExact(lineTotalMinor, (long) (alreadyRefunded + quantity)), lineQuantity);
        return after - before;
    }

    /**
     * Whether the order's stock commits now: once what was paid covers the first payment of its plan (the deposit
     * when it has one, else everything due). {@code dueMinor} is the total less any waived balance.
     */
    public static boolean commitsStock(Long depositMinor, long dueMinor, long paidMinor) {
        long first = depositMinor == null ? dueMinor : Math.min(depositMinor, dueMinor);
        return paidMinor >= first;
    }

    /**
     * Whether the merchant may request or waive the balance: a deposit order, not cancelled, whose deposit is paid
     * and whose total is not.
     */
    public static boolean partiallyPaid(Long depositMinor, boolean cancelled, long dueMinor, long paidMinor) {
        return depositMinor != null && !cancelled && paidMinor >= depositMinor && paidMinor < dueMinor;
    }

    /** The display name of an order number. */
    public static String name(long number) {
        return "#" + number;
    }

    /** Sum helper for refund amounts. */
    public static long sum(List<Long> amounts) {
        return amounts.stream().mapToLong(Long::longValue).reduce(0, Math::addExact);
    }
}
