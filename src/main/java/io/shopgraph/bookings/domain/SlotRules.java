package io.shopgraph.bookings.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.shopgraph.platform.errors.DomainException;

/** The rules of a time slot as plain Java (unit-tested without the application), and how its times are shown. */
public final class SlotRules {

    public static final int MAX_DURATION_MINUTES = 10_080;

    private SlotRules() {
    }

    /** A new or moved start: after now, within the horizon; kept to the second (what the database and the shopper see). */
    public static Instant start(Instant startsAt, Instant now, Duration horizon, List<String> field) {
        if (startsAt == null || !startsAt.isAfter(now) || startsAt.isAfter(now.plus(horizon))) {
            throw new DomainException(BookingErrorCode.INVALID_START, field,
                    "A slot starts in the future, at most " + horizon.toDays() + " days ahead.");
        }
        return startsAt.truncatedTo(ChronoUnit.SECONDS);
    }

    public static int duration(int minutes, List<String> field) {
        if (minutes < 1 || minutes > MAX_DURATION_MINUTES) {
            throw new DomainException(BookingErrorCode.INVALID_DURATION, field, "A slot lasts 1 to " + MAX_DURATION_MINUTES + " minutes.");
        }
        return minutes;
    }

    public static int capacity(int capacity, int maxCapacity, List<String> field) {
        if (capacity < 1 || capacity > maxCapacity) {
            throw new DomainException(BookingErrorCode.INVALID_CAPACITY, field, "A slot has 1 to " + maxCapacity + " places.");
        }
        return capacity;
    }

    /** A new capacity may not leave fewer places than are booked. */
    public static void capacityCoversBooked(int capacity, int booked, List<String> field) {
        if (capacity < booked) {
            throw new DomainException(BookingErrorCode.CAPACITY_BELOW_BOOKED, field,
                    booked + " places are booked: the capacity cannot be lower; move or cancel bookings first.");
        }
    }

    /** Places still free; never negative. */
    public static int remaining(int capacity, int booked) {
        return Math.max(0, capacity - booked);
    }

    /** The instant in the zone, with the offset in force at that moment (daylight saving included). */
    public static OffsetDateTime inZone(Instant instant, ZoneId zone) {
        return instant.atZone(zone).toOffsetDateTime();
    }

    /** The wall-clock time in the zone, without offset, to the second. */
    public static String local(Instant instant, ZoneId zone) {
        return LocalDateTime.ofInstant(instant, zone).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
    }

    /** The store's zone; UTC when the stored name is missing or unknown (a store is created with a valid one). */
    public static ZoneId zone(String timezone) {
        try {
            return timezone == null ? ZoneOffset.UTC : ZoneId.of(timezone);
        } catch (java.time.DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }
}
