package io.shopgraph.analytics.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("AnalyticsGranularity")
@Description("How storeAnalytics splits its period into buckets, in the requested time zone.")
public enum AnalyticsGranularity {
    @Description("One bucket per calendar day.")
    DAY("day"),
    @Description("One bucket per ISO week (Monday to Sunday); the first and last may be cut by the period.")
    WEEK("week"),
    @Description("One bucket per calendar month; the first and last may be cut by the period.")
    MONTH("month");

    private final String sqlUnit;

    AnalyticsGranularity(String sqlUnit) {
        this.sqlUnit = sqlUnit;
    }

    /** The unit PostgreSQL's date_trunc takes (weeks start on Monday there too). */
    public String sqlUnit() {
        return sqlUnit;
    }

    /** The first day of the bucket that holds {@code date}. */
    public LocalDate bucketOf(LocalDate date) {
        return switch (this) {
            case DAY -> date;
            case WEEK -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> date.withDayOfMonth(1);
        };
    }

    /** The first day of the next bucket. */
    public LocalDate next(LocalDate bucketStart) {
        return switch (this) {
            case DAY -> bucketStart.plusDays(1);
            case WEEK -> bucketStart.plusWeeks(1);
            case MONTH -> bucketStart.plusMonths(1);
        };
    }
}
