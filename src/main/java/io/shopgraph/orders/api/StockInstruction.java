package io.shopgraph.orders.api;

import java.util.Map;
import java.util.UUID;

/**
 * What an order change needs done to its stock, fired synchronously (CDI) inside the order's transaction.
 * Orders may not call inventory (DESIGN.md module map); checkout, which may, observes this and moves the
 * stock in the same transaction, so an order's status and its stock change together or not at all.
 * {@code quantities} by variant (used by RESTOCK and REACQUIRE). An observer of REACQUIRE reports through
 * {@link #succeeded(boolean)}.
 */
public final class StockInstruction {

    /** What to do. */
    public enum Action {
        /** Give the order's reserved units back (cancelled or expired unpaid). */
        RELEASE,
        /** The order is paid: its reserved units leave stock for good. */
        COMMIT,
        /** Units come back on hand (refund with restock, cancellation of a paid order). */
        RESTOCK,
        /** Paid after its reservation expired: reserve and commit again if stock allows, else report failure. */
        REACQUIRE
    }

    private final UUID orderId;
    private final Action action;
    private final Map<UUID, Integer> quantities;
    private boolean succeeded;
    private boolean handled;

    public StockInstruction(UUID orderId, Action action, Map<UUID, Integer> quantities) {
        this.orderId = orderId;
        this.action = action;
        this.quantities = Map.copyOf(quantities);
    }

    public UUID orderId() {
        return orderId;
    }

    public Action action() {
        return action;
    }

    public Map<UUID, Integer> quantities() {
        return quantities;
    }

    public void succeeded(boolean value) {
        this.succeeded = value;
        this.handled = true;
    }

    /** Whether an observer handled it and said it succeeded. */
    public boolean succeeded() {
        return handled && succeeded;
    }
}
