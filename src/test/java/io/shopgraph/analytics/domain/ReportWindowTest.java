package io.shopgraph.analytics.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

class ReportWindowTest {

    @Test
    void localDaysBecomeInstantsAndEdgesCoverTheRestExactly() {
        ReportWindow w = ReportWindow.of(LocalDate.parse("2026-03-28"), LocalDate.parse("2026-03-30"), ZoneId.of("Asia/Kathmandu"),
                AnalyticsGranularity.DAY, 10);
        assertThat(w.start()).isEqualTo(Instant.parse("2026-03-27T18:15:00Z"));
        assertThat(w.end()).isEqualTo(Instant.parse("2026-03-30T18:15:00Z"));
        ReportWindow.TopRanges r = w.topRanges();
        assertThat(r.months().isEmpty()).isTrue();
        assertThat(r.daysBefore()).isEqualTo(new ReportWindow.Range(Instant.parse("2026-03-28T00:00:00Z"), Instant.parse("2026-03-30T00:00:00Z")));
        assertThat(r.daysAfter().isEmpty()).isTrue();
        assertThat(r.quartersBefore()).isEqualTo(new ReportWindow.Range(w.start(), Instant.parse("2026-03-28T00:00:00Z")));
        assertThat(r.quartersAfter()).isEqualTo(new ReportWindow.Range(Instant.parse("2026-03-30T00:00:00Z"), w.end()));
        assertThat(w.wholeHourOffsets()).isFalse();
    }

    @Test
    void aPeriodShorterThanAUtcDayIsAllEdgeAndCountedOnce() {
        ReportWindow w = ReportWindow.of(LocalDate.parse("2026-06-01"), LocalDate.parse("2026-06-01"), ZoneId.of("America/St_Johns"),
                AnalyticsGranularity.DAY, 10);
        ReportWindow.TopRanges r = w.topRanges();
        assertThat(List.of(r.months(), r.daysBefore(), r.daysAfter(), r.quartersAfter())).allMatch(ReportWindow.Range::isEmpty);
        assertThat(r.quartersBefore()).isEqualTo(new ReportWindow.Range(w.start(), w.end()));
    }

    @Test
    void aLongPeriodIsWholeMonthsThenDaysThenQuarterHoursWithoutOverlap() {
        ReportWindow w = ReportWindow.of(LocalDate.parse("2026-01-15"), LocalDate.parse("2026-05-10"), ZoneId.of("America/New_York"),
                AnalyticsGranularity.MONTH, 400);
        ReportWindow.TopRanges r = w.topRanges();
        assertThat(r.quartersBefore()).isEqualTo(new ReportWindow.Range(Instant.parse("2026-01-15T05:00:00Z"), Instant.parse("2026-01-16T00:00:00Z")));
        assertThat(r.daysBefore()).isEqualTo(new ReportWindow.Range(Instant.parse("2026-01-16T00:00:00Z"), Instant.parse("2026-02-01T00:00:00Z")));
        assertThat(r.months()).isEqualTo(new ReportWindow.Range(Instant.parse("2026-02-01T00:00:00Z"), Instant.parse("2026-05-01T00:00:00Z")));
        assertThat(r.daysAfter()).isEqualTo(new ReportWindow.Range(Instant.parse("2026-05-01T00:00:00Z"), Instant.parse("2026-05-11T00:00:00Z")));
        assertThat(r.quartersAfter()).isEqualTo(new ReportWindow.Range(Instant.parse("2026-05-11T00:00:00Z"), Instant.parse("2026-05-11T04:00:00Z")));
        assertThat(w.wholeHourOffsets()).isTrue();
        assertThat(ReportWindow.of(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-12-31"), ZoneId.of("Australia/Lord_Howe"),
                AnalyticsGranularity.DAY, 400).wholeHourOffsets()).isFalse(); // +10:30 / +11:00
    }

    @Test
    void daylightSavingDaysAreShortOrLong() {
        ReportWindow spring = ReportWindow.of(LocalDate.parse("2026-03-29"), LocalDate.parse("2026-03-29"), ZoneId.of("Europe/Paris"),
                AnalyticsGranularity.DAY, 10);
        assertThat(java.time.Duration.between(spring.start(), spring.end()).toHours()).isEqualTo(23);
    }

    @Test
    void bucketsStartOnMondaysAndFirstDaysAndMayPrecedeFrom() {
        ReportWindow weeks = ReportWindow.of(LocalDate.parse("2026-11-04"), LocalDate.parse("2026-11-20"), ZoneId.of("UTC"),
                AnalyticsGranularity.WEEK, 100);
        assertThat(weeks.buckets()).containsExactly(LocalDate.parse("2026-11-02"), LocalDate.parse("2026-11-09"), LocalDate.parse("2026-11-16"));
        ReportWindow months = ReportWindow.of(LocalDate.parse("2026-01-31"), LocalDate.parse("2026-03-01"), ZoneId.of("UTC"),
                AnalyticsGranularity.MONTH, 100);
        assertThat(months.buckets()).containsExactly(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-02-01"), LocalDate.parse("2026-03-01"));
    }

    @Test
    void reversedOrTooLongPeriodsAreRefused() {
        assertThatThrownBy(() -> ReportWindow.of(LocalDate.parse("2026-02-02"), LocalDate.parse("2026-02-01"), ZoneId.of("UTC"),
                AnalyticsGranularity.DAY, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReportWindow.of(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-01-11"), ZoneId.of("UTC"),
                AnalyticsGranularity.DAY, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThat(ReportWindow.of(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-01-10"), ZoneId.of("UTC"), AnalyticsGranularity.DAY, 10)
                .buckets()).hasSize(10);
    }

    @Test
    void ratesAndAverageAreDerivedNotSummed() {
        Figures a = new Figures(10, 4, 3, 0, 1, 0, 2, 1, 1001, 0, 0);
        Figures b = new Figures(30, 6, 5, 1, 1, 1, 2, 2, 2000, 1500, 1);
        Figures sum = a.plus(b);
        assertThat(sum.conversionRate()).isEqualTo(3.0 / 40);
        assertThat(sum.averageOrderValueMinor()).isEqualTo(1000L); // 3001 / 3 = 1000.33
        assertThat(new Figures(0, 0, 0, 0, 0, 0, 0, 2, 3, 0, 0).averageOrderValueMinor()).isEqualTo(2L); // 1.5 rounds half up
        // Refunds come off the revenue only in netRevenue; AOV stays over the orders placed.
        assertThat(List.of(sum.revenueMinor(), sum.refundsMinor(), sum.netRevenueMinor(), sum.ordersCancelled())).containsExactly(3001L, 1500L,
                1501L, 1L);
        assertThat(new Figures(0, 0, 0, 0, 0, 0, 0, 0, 0, 700, 1).netRevenueMinor()).isEqualTo(-700L);
        // 8 with lines, 1 merged, 1 pending: 6 decided, 2 ordered, 4 abandoned.
        assertThat(sum.cartsDecided()).isEqualTo(6);
        assertThat(sum.abandonedCarts()).isEqualTo(4);
        assertThat(sum.cartAbandonmentRate()).isEqualTo(4.0 / 6);
        assertThat(Figures.ZERO.conversionRate()).isNull();
        assertThat(Figures.ZERO.cartAbandonmentRate()).isNull();
        assertThat(Figures.ZERO.averageOrderValueMinor()).isNull();
        assertThat(List.of(AnalyticsGranularity.values())).extracting(AnalyticsGranularity::sqlUnit).containsExactly("day", "week", "month");
    }
}
