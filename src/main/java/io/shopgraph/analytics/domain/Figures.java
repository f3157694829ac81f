package io.shopgraph.analytics.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The counters of one bucket (or the whole period) and the figures derived from them. Additive counters are
 * summed from rollups; the rates and the average are derived here, never summed.
 *
 * @param cartsWithLines carts that got their first line in the bucket
 * @param mergedCarts    of those, carts later merged into another at sign-in (their lines live on there)
 * @param cartsOrdered   of those not merged, carts with an order placed within the abandonment window after their last line change
 * @param cartsPending   of those not merged and not ordered, carts whose window has not ended yet
 * @param revenueMinor   the totals of the orders placed (gross: what was sold, whatever happened to it later)
 * @param refundsMinor   money paid back on orders (at the time it was paid back, whenever the order was placed)
 * @param ordersCancelled orders cancelled (at the time of the cancellation)
 */
public record Figures(long sessions, long cartsCreated, long cartsWithLines, long mergedCarts, long cartsOrdered, long cartsPending,
        long checkoutsStarted, long orders, long revenueMinor, long refundsMinor, long ordersCancelled) {

    public static final Figures ZERO = new Figures(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public Figures plus(Figures o) {
        return new Figures(sessions + o.sessions, cartsCreated + o.cartsCreated, cartsWithLines + o.cartsWithLines,
                mergedCarts + o.mergedCarts, cartsOrdered + o.cartsOrdered, cartsPending + o.cartsPending,
                checkoutsStarted + o.checkoutsStarted, orders + o.orders, revenueMinor + o.revenueMinor, refundsMinor + o.refundsMinor,
                ordersCancelled + o.ordersCancelled);
    }

    public Figures withPending(long pending) {
        return new Figures(sessions, cartsCreated, cartsWithLines, mergedCarts, cartsOrdered, pending, checkoutsStarted, orders, revenueMinor,
                refundsMinor, ordersCancelled);
    }

    /** Revenue less the refunds of the same bucket (may be negative in a bucket with more paid back than sold). */
    public long netRevenueMinor() {
        return revenueMinor - refundsMinor;
    }

    /** Carts whose abandonment is decided: with lines, not merged, window over or ordered. */
    public long cartsDecided() {
        return cartsWithLines - mergedCarts - cartsPending;
    }

    /** Decided carts without an order within the window. */
    public long abandonedCarts() {
        return cartsDecided() - cartsOrdered;
    }

    /** Abandoned over decided carts; null when no cart is decided. */
    public Double cartAbandonmentRate() {
        return ratio(abandonedCarts(), cartsDecided());
    }

    /** Orders over sessions; null when there was no session. */
    public Double conversionRate() {
        return ratio(orders, sessions);
    }

    /** Revenue over orders in minor units, rounded half up; null when there was no order. */
    public Long averageOrderValueMinor() {
        return orders == 0 ? null : BigDecimal.valueOf(revenueMinor).divide(BigDecimal.valueOf(orders), 0, RoundingMode.HALF_UP).longValueExact();
    }

    static Double ratio(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
