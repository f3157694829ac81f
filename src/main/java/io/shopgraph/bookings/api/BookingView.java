package io.shopgraph.bookings.api;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** The places one order line holds (or held) in one slot. */
@Type("Booking")
@Description("The places an order line booked in a time slot.")
public record BookingView(
        @Id @NonNull @Description("The booking's global id (bookingMove, bookingCancel).") String id,
        @NonNull @Description("Where the booking is.") BookingStatus status,
        @NonNull @Description("The places it holds; what it held once it holds none (RELEASED, CANCELLED).") int quantity,
        @NonNull @Description("The booked slot.") BookingSlotView slot,
        @NonNull @Description("When it was booked.") Instant createdAt,
        @Ignore UUID uuid,
        @Ignore UUID orderLineId) {

    public static final String TYPE = "Booking";
}
