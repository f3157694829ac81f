package io.shopgraph.bookings.api;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What other modules (cart, checkout) may ask of bookings, in the current store and the caller's transaction.
 * Places move like stock: each reservation is one conditional update per slot in slot-id order, and a slot's
 * {@code booked} is always the sum of the places its HELD and CONFIRMED bookings hold.
 */
public interface BookingsApi {

    /** The slots among {@code slotIds} that exist in this store, by id (one statement). */
    Map<UUID, SlotSnapshot> slots(Collection<UUID> slotIds);

    /** The variants among {@code variantIds} that offer slots (any slot at all): a line of one must name its slot (one statement). */
    Set<UUID> bookableVariants(Collection<UUID> variantIds);

    /** The slots as the API shows them, in the store's time zone, by id. */
    Map<UUID, BookingSlotView> slotViews(Collection<UUID> slotIds);

    /**
     * Books places for an order: per slot (in slot-id order) one conditional update {@code booked + q <= capacity}
     * of a slot of the line's variant that has not started, then one booking per line (HELD). Answers the slots
     * that were short (empty when all was booked): the caller must then roll its transaction back.
     */
    List<UUID> reserve(UUID orderId, List<BookingRequest> requests);

    /**
     * Renames the lines of an order's bookings (the keys given to {@link #reserve} to the order's line ids): lets a caller
     * reserve places before the order exists, so that a full slot refuses a checkout before it queues for the order number.
     */
    void renameLines(UUID orderId, Map<UUID, UUID> orderLineByKey);

    /** The order is paid: its HELD bookings become CONFIRMED. */
    void confirm(UUID orderId);

    /** The order gives its places back (expired or cancelled): its holding bookings become RELEASED. */
    void release(UUID orderId);

    /** A refund with restock: gives back up to these places per variant from the order's holding bookings. */
    void releaseUnits(UUID orderId, Map<UUID, Integer> quantitiesByVariant);

    /**
     * Paid after its reservation expired: books the places the order released again, all or nothing (CONFIRMED);
     * false, changing nothing, when a slot no longer has them or has started.
     */
    boolean reacquire(UUID orderId);

    /** The bookings of these order lines, by order line id (the latest one per line). */
    Map<UUID, BookingView> byOrderLines(Collection<UUID> orderLineIds);
}
