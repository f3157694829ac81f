package io.shopgraph.bookings.api;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** A time slot as the API shows it: times in the store's time zone (ISO 8601 with the zone's offset at that moment). */
@Type("BookingSlot")
@Description("A bookable time slot of a service variant, with its capacity and the places still free. Times are in the store's "
        + "time zone.")
public record BookingSlotView(
        @Id @NonNull @Description("The slot's global id; give it as bookingSlotId when adding the service to a cart.") String id,
        @NonNull @Description("When it starts, in the store's time zone (ISO 8601 with the offset in force then, e.g. "
                + "2026-12-01T10:00:00+01:00).") OffsetDateTime startsAt,
        @NonNull @Description("When it ends (startsAt plus the duration), in the store's time zone.") OffsetDateTime endsAt,
        @NonNull @Description("The wall-clock start in the store's time zone without offset, e.g. 2026-12-01T10:00:00.") String localStartsAt,
        @NonNull @Description("The store's time zone (IANA name, e.g. Europe/Paris) the times are shown in.") String timezone,
        @NonNull @Description("How long it lasts, in minutes.") int durationMinutes,
        @NonNull @Description("How many places it has.") int capacity,
        @NonNull @Description("How many places are still free (capacity minus the places orders hold).") int remaining,
        @NonNull @Description("Whether it can be booked now: it has not started and has a free place.") boolean available,
        @Id @NonNull @Description("The service variant's global id.") String variantId,
        @Ignore UUID uuid,
        @Ignore UUID variantUuid) {

    public static final String TYPE = "BookingSlot";
}
