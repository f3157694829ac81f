package io.shopgraph.bookings.application;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

import io.shopgraph.bookings.api.BookingSlotView;
import io.shopgraph.bookings.domain.SlotRules;
import io.shopgraph.catalog.api.ProductVariantView;
import io.shopgraph.platform.kernel.GlobalId;

/** One slot row as read. */
record SlotRow(UUID id, UUID variantId, Instant startsAt, int durationMinutes, int capacity, int booked) {

    static final String COLUMNS = "s.id, s.variant_id, s.starts_at, s.duration_minutes, s.capacity, s.booked";

    static SlotRow of(Object[] r, int at) {
        return new SlotRow(Sql.uuid(r[at]), Sql.uuid(r[at + 1]), Sql.instant(r[at + 2]), ((Number) r[at + 3]).intValue(),
                ((Number) r[at + 4]).intValue(), ((Number) r[at + 5]).intValue());
    }

    BookingSlotView view(ZoneId zone, Instant now) {
        int remaining = SlotRules.remaining(capacity, booked);
        return new BookingSlotView(GlobalId.format(BookingSlotView.TYPE, id), SlotRules.inZone(startsAt, zone),
                SlotRules.inZone(startsAt.plusSeconds(60L * durationMinutes), zone), SlotRules.local(startsAt, zone), zone.getId(),
                durationMinutes, capacity, remaining, remaining > 0 && startsAt.isAfter(now),
                GlobalId.format(ProductVariantView.TYPE, variantId), id, variantId);
    }
}
