package io.shopgraph.bookings.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("BookingStatus")
@Description("Where a booking is. HELD and CONFIRMED bookings hold places in their slot; the others hold none.")
public enum BookingStatus {
    @Description("The order awaits payment; its places are held until its reservation ends.")
    HELD,
    @Description("The order is paid: the places are the buyer's.")
    CONFIRMED,
    @Description("The order let its places go (reservation expired, order cancelled or refunded with restock).")
    RELEASED,
    @Description("The merchant cancelled the booking (bookingCancel); the order itself is unchanged.")
    CANCELLED;

    /** Whether a booking in this status holds places in its slot. */
    public boolean holdsPlaces() {
        return this == HELD || this == CONFIRMED;
    }
}
