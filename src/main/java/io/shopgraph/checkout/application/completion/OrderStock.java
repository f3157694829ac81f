package io.shopgraph.checkout.application.completion;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.shopgraph.bookings.api.BookingsApi;
import io.shopgraph.checkout.application.pricing.DiscountUsage;
import io.shopgraph.inventory.api.InventoryApi;
import io.shopgraph.inventory.api.StockReservation;
import io.shopgraph.orders.api.StockInstruction;

/**
 * Moves an order's stock when the order says so, inside the order's transaction: orders may not call
 * inventory (DESIGN.md), checkout may, so the status change and the stock movement commit together. Releasing
 * also gives back the discount uses the order counted. The places of booked service slots follow the same path
 * (reserved like stock): released, confirmed, given back on restock and taken again with it.
 */
@ApplicationScoped
public class OrderStock {

    private final InventoryApi inventory;
    private final DiscountUsage discountUsage;
    private final BookingsApi bookings;

    OrderStock(InventoryApi inventory, DiscountUsage discountUsage, BookingsApi bookings) {
        this.bookings = bookings;
        this.inventory = inventory;
        this.discountUsage = discountUsage;
    }

    void on(@Observes StockInstruction instruction) {
        switch (instruction.action()) {
            case RELEASE -> {
                inventory.release(instruction.orderId());
                bookings.release(instruction.orderId());
                discountUsage.release(instruction.orderId()); // a cancelled or expired order gives its discount uses back
            }
            case COMMIT -> {
                inventory.commit(instruction.orderId());
                bookings.confirm(instruction.orderId());
            }
            case RESTOCK -> {
                inventory.restock(instruction.orderId(), instruction.quantities());
                bookings.releaseUnits(instruction.orderId(), instruction.quantities());
            }
            case REACQUIRE -> {
                // Places first: all or nothing on their own, so a refused slot leaves no stock to undo.
                if (!bookings.reacquire(instruction.orderId())) {
                    instruction.succeeded(false);
                    return;
                }
                StockReservation again = inventory.reserve(instruction.orderId(), instruction.quantities());
                if (again.complete()) {
                    inventory.commit(instruction.orderId());
                } else {
                    inventory.release(instruction.orderId()); // undo the lines that were reserved
                    bookings.release(instruction.orderId());
                }
                instruction.succeeded(again.complete());
                return;
            }
            default -> throw new IllegalStateException(instruction.action().name());
        }
        instruction.succeeded(true);
    }
}
