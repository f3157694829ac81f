package io.shopgraph.bookings.api;

import java.util.UUID;

/**
 * Places one line asks for in one slot of its variant. {@code lineId} names the line: the order line, or a key the
 * caller renames to the order line later in the same transaction ({@link BookingsApi#renameLines}).
 */
public record BookingRequest(UUID lineId, UUID variantId, UUID slotId, int quantity) {
}
