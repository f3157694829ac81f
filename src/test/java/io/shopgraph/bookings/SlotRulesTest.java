package io.shopgraph.bookings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.shopgraph.bookings.api.BookingStatus;
import io.shopgraph.bookings.api.SlotSnapshot;
import io.shopgraph.bookings.domain.BookingErrorCode;
import io.shopgraph.bookings.domain.SlotRules;
import io.shopgraph.platform.errors.DomainException;

/** The slot rules without the application. */
class SlotRulesTest {

    static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    @Test
    void aStartIsInTheFutureWithinTheHorizonAndKeptToTheSecond() {
        Duration horizon = Duration.ofDays(730);
        assertThat(SlotRules.start(Instant.parse("2027-01-15T09:00:00.123456Z"), NOW, horizon, List.of("startsAt")))
                .isEqualTo(Instant.parse("2027-01-15T09:00:00Z"));
        assertThat(code(() -> SlotRules.start(NOW, NOW, horizon, List.of("startsAt")))).isEqualTo(BookingErrorCode.INVALID_START);
        assertThat(code(() -> SlotRules.start(NOW.plus(Duration.ofDays(731)), NOW, horizon, List.of("startsAt"))))
                .isEqualTo(BookingErrorCode.INVALID_START);
        assertThat(code(() -> SlotRules.start(null, NOW, horizon, List.of("startsAt")))).isEqualTo(BookingErrorCode.INVALID_START);
    }

    @Test
    void durationAndCapacityAreBoundedAndCapacityCoversWhatIsBooked() {
        assertThat(SlotRules.duration(1, List.of())).isEqualTo(1);
        assertThat(SlotRules.duration(10_080, List.of())).isEqualTo(10_080);
        assertThat(code(() -> SlotRules.duration(0, List.of()))).isEqualTo(BookingErrorCode.INVALID_DURATION);
        assertThat(code(() -> SlotRules.duration(10_081, List.of()))).isEqualTo(BookingErrorCode.INVALID_DURATION);
        assertThat(SlotRules.capacity(10, 10, List.of())).isEqualTo(10);
        assertThat(code(() -> SlotRules.capacity(11, 10, List.of()))).isEqualTo(BookingErrorCode.INVALID_CAPACITY);
        assertThat(code(() -> SlotRules.capacity(0, 10, List.of()))).isEqualTo(BookingErrorCode.INVALID_CAPACITY);
        SlotRules.capacityCoversBooked(3, 3, List.of());
        assertThat(code(() -> SlotRules.capacityCoversBooked(2, 3, List.of()))).isEqualTo(BookingErrorCode.CAPACITY_BELOW_BOOKED);
        assertThat(SlotRules.remaining(5, 7)).isZero();
        assertThat(SlotRules.remaining(5, 2)).isEqualTo(3);
    }

    @Test
    void timesAreShownWithTheOffsetInForceInTheStoreZone() {
        ZoneId paris = SlotRules.zone("Europe/Paris");
        assertThat(SlotRules.inZone(Instant.parse("2027-01-15T09:00:00Z"), paris).toString()).isEqualTo("2027-01-15T10:00+01:00");
        assertThat(SlotRules.inZone(Instant.parse("2027-07-15T09:00:00Z"), paris).toString()).isEqualTo("2027-07-15T11:00+02:00");
        // The night the clocks go back: 00:30 and 01:30 UTC are both 02:30 local, told apart by their offsets.
        assertThat(SlotRules.inZone(Instant.parse("2027-10-31T00:30:00Z"), paris).getOffset().getTotalSeconds()).isEqualTo(7200);
        assertThat(SlotRules.inZone(Instant.parse("2027-10-31T01:30:00Z"), paris).getOffset().getTotalSeconds()).isEqualTo(3600);
        assertThat(SlotRules.local(Instant.parse("2027-10-31T00:30:00Z"), paris)).isEqualTo("2027-10-31T02:30:00");
        assertThat(SlotRules.local(Instant.parse("2027-10-31T01:30:00Z"), paris)).isEqualTo("2027-10-31T02:30:00");
        assertThat(SlotRules.zone("Not/AZone")).isEqualTo(java.time.ZoneOffset.UTC);
        assertThat(SlotRules.zone(null)).isEqualTo(java.time.ZoneOffset.UTC);
    }

    @Test
    void aSlotIsBookableBeforeItStartsWithEnoughPlaces() {
        SlotSnapshot slot = new SlotSnapshot(null, null, NOW.plusSeconds(60), 2);
        assertThat(slot.bookable(2, NOW)).isTrue();
        assertThat(slot.bookable(3, NOW)).isFalse();
        assertThat(slot.bookable(1, NOW.plusSeconds(60))).isFalse();
        assertThat(BookingStatus.HELD.holdsPlaces()).isTrue();
        assertThat(BookingStatus.CONFIRMED.holdsPlaces()).isTrue();
        assertThat(BookingStatus.RELEASED.holdsPlaces()).isFalse();
        assertThat(BookingStatus.CANCELLED.holdsPlaces()).isFalse();
    }

    private static Enum<?> code(Runnable call) {
        try {
            call.run();
        } catch (DomainException e) {
            return e.code();
        }
        throw new AssertionError("no DomainException");
    }

}
