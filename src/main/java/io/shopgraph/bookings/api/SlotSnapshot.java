package io.shopgraph.bookings.api;

import java.time.Instant;
import java.util.UUID;

/** What a cart needs to know of a slot: whose it is, when it starts and how many places are free now. */
public record SlotSnapshot(UUID slotId, UUID variantId, Instant startsAt, int remaining) {

    /** Whether {@code quantity} places can be booked at {@code now}: not started and enough places free. */
    public boolean bookable(int quantity, Instant now) {
        return startsAt.isAfter(now) && remaining >= quantity;
    }
}
