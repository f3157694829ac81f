package io.shopgraph.analytics.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The period a report covers: the local days {@code from}..{@code to} (both included) in {@code zone}, as the
 * instants [{@link #start}, {@link #end}). Rollups are kept per UTC quarter-hour: every time zone's midnight
 * (offsets are whole quarter-hours) falls on a quarter-hour boundary, so re-bucketing quarter-hours into
 * local days, weeks or months is exact for any zone, daylight saving included. Top lists also keep UTC-day
 * rows: the period is read as its whole UTC days (day rows) plus the quarter-hours of the partial UTC days at
 * either edge ({@link #edges}).
 */
public record ReportWindow(LocalDate from, LocalDate to, ZoneId zone, AnalyticsGranularity granularity, Instant start, Instant end) {

    /** A half-open range of instants. */
    public record Range(Instant start, Instant end) {
        public boolean isEmpty() {
            return !start.isBefore(end);
        }
    }

    /** The period from..to in zone; throws {@link IllegalArgumentException} when to is before from or the period is too long. */
    public static ReportWindow of(LocalDate from, LocalDate to, ZoneId zone, AnalyticsGranularity granularity, int maxDays) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("'to' must not be before 'from'.");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > maxDays) {
            throw new IllegalArgumentException("The period may cover at most " + maxDays + " days.");
        }
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        return new ReportWindow(from, to, zone, granularity, start, end);
    }

    /** The whole UTC days inside the period (empty when there is none). */
    public Range wholeUtcDays() {
        Instant firstDay = start.atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).toInstant();
        if (firstDay.isBefore(start)) {
            firstDay = firstDay.plus(1, ChronoUnit.DAYS);
        }
        Instant lastDayEnd = end.atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).toInstant();
        return firstDay.isBefore(lastDayEnd) ? new Range(firstDay, lastDayEnd) : new Range(start, start);
    }

    /** The parts of the period outside {@link #wholeUtcDays()}: before it and after it (either may be empty). */
    public List<Range> edges() {
        Range days = wholeUtcDays();
        if (days.isEmpty()) {
            return List.of(new Range(start, end), new Range(end, end));
        }
        return List.of(new Range(start, days.start()), new Range(days.end(), end));
    }

    /** The local first days of the buckets, in order; the first may lie before {@code from} (a week or month cut by it). */
    public List<LocalDate> buckets() {
        List<LocalDate> out = new ArrayList<>();
        for (LocalDate b = granularity.bucketOf(from); !b.isAfter(to); b = granularity.next(b)) {
            out.add(b);
        }
        return out;
    }
}
