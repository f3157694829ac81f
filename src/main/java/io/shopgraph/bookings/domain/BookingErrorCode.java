package io.shopgraph.bookings.domain;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("BookingErrorCode")
@Description("Why a booking or slot mutation failed. Nothing of a failed mutation is written.")
public enum BookingErrorCode {
    @Description("No variant with this id exists in this store.")
    VARIANT_NOT_FOUND,
    @Description("The variant's product is not a SERVICE: only services offer time slots.")
    NOT_A_SERVICE,
    @Description("No slot with this id exists in this store.")
    SLOT_NOT_FOUND,
    @Description("The start is in the past or further ahead than the store may plan (shopgraph.bookings.horizon).")
    INVALID_START,
    @Description("The duration is not between 1 and 10,080 minutes (a week).")
    INVALID_DURATION,
    @Description("The capacity is not between 1 and the largest allowed (shopgraph.bookings.max-capacity).")
    INVALID_CAPACITY,
    @Description("The capacity would be below the places already booked.")
    CAPACITY_BELOW_BOOKED,
    @Description("The variant already has a slot starting at this time.")
    DUPLICATE_SLOT,
    @Description("Orders hold places in this slot: move or cancel their bookings first.")
    SLOT_HAS_BOOKINGS,
    @Description("No booking with this id exists in this store.")
    BOOKING_NOT_FOUND,
    @Description("The booking holds no places (released or cancelled).")
    INVALID_STATE,
    @Description("The target slot has started or has too few free places.")
    SLOT_UNAVAILABLE,
    @Description("The target slot belongs to another variant, or is the booking's own slot.")
    INVALID_TARGET_SLOT
}
