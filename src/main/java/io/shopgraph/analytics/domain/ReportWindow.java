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
 * local days, weeks or months is exact for any zone, daylight saving included (UTC-hour rows serve the zones
 * whose offsets are whole hours). Top lists also keep UTC-day and UTC-month rows: the period is read as its whole
 * UTC months, the whole UTC days around them and the quarter-hours of the partial days at the edges ({@link #topRanges}).
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

    /**
     * The period as top-list rows cover it, without overlap: whole UTC months (M rows), the whole UTC days
     * before and after them (D rows), and the quarter-hours of the partial UTC days at either edge (Q rows).
     * Empty ranges are [x, x).
     */
    public record TopRanges(Range months, Range daysBefore, Range daysAfter, Range quartersBefore, Range quartersAfter) {
    }

    public TopRanges topRanges() {
        Instant d0 = ceil(start, ChronoUnit.DAYS);
        Instant d1 = floor(end, ChronoUnit.DAYS);
        if (!d0.isBefore(d1)) {
            return new TopRanges(new Range(start, start), new Range(start, start), new Range(start, start), new Range(start, end),
                    new Range(end, end));
        }
        Instant m0 = ceilMonth(d0);
        Instant m1 = floorMonth(d1);
        if (!m0.isBefore(m1)) {
            return new TopRanges(new Range(d0, d0), new Range(d0, d1), new Range(d1, d1), new Range(start, d0), new Range(d1, end));
        }
        return new TopRanges(new Range(m0, m1), new Range(d0, m0), new Range(m1, d1), new Range(start, d0), new Range(d1, end));
    }

    /**
     * Whether every offset of the zone during the period is a whole number of hours: then the UTC-hour counters
     * re-bucket exactly (and are a quarter as many rows as the quarter-hours).
     */
    public boolean wholeHourOffsets() {
        var rules = zone.getRules();
        if (rules.getOffset(start).getTotalSeconds() % 3600 != 0) {
            return false;
        }
        for (var t = rules.nextTransition(start); t != null && t.getInstant().isBefore(end); t = rules.nextTransition(t.getInstant())) {
            if (t.getOffsetAfter().getTotalSeconds() % 3600 != 0) {
                return false;
            }
        }
        return true;
    }

    private static Instant floor(Instant t, ChronoUnit unit) {
        return t.atOffset(ZoneOffset.UTC).truncatedTo(unit).toInstant();
    }

    private static Instant ceil(Instant t, ChronoUnit unit) {
        Instant f = floor(t, unit);
        return f.equals(t) ? f : f.plus(1, unit);
    }

    private static Instant floorMonth(Instant t) {
        return t.atOffset(ZoneOffset.UTC).toLocalDate().withDayOfMonth(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static Instant ceilMonth(Instant t) {
        Instant f = floorMonth(t);
        return f.equals(t) ? f : f.atOffset(ZoneOffset.UTC).plusMonths(1).toInstant();
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
