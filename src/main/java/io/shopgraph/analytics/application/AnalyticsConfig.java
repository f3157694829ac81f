package io.shopgraph.analytics.application;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the analytics module ({@code shopgraph.analytics.*}); README's configuration table lists them. */
@ConfigMapping(prefix = "shopgraph.analytics")
public interface AnalyticsConfig {

    /**
     * A cart with lines and no order placed within this period after its last line change is abandoned.
     * The rollups hold the figure for the window in force when they were computed: after changing it, run
     * the rebuild (docs/analytics.md).
     */
    @WithDefault("PT24H")
    Duration abandonmentWindow();

    /** The longest period one storeAnalytics call may cover, in days (bounds the work of one request). */
    @WithDefault("1100")
    int maxRangeDays();

    /** Entries per top list when the caller does not say (at most {@link #maxTop()}). */
    @WithDefault("10")
    int defaultTop();

    /** The most entries one top list may return. */
    @WithDefault("50")
    int maxTop();

    /**
     * Facts (sessions, views, carts, checkouts, orders, refunds) older than this are deleted by {@link AnalyticsRetention};
     * the rollups are kept, so reports over older periods still answer (the same 400 days as cart's sessions).
     */
    @WithDefault("P400D")
    Duration factRetention();

    /** Rows one retention statement deletes at most (each batch is a short transaction of its own). */
    @WithDefault("5000")
    int retentionBatch();

    /** How often the retention job runs ({@code off} to run it only by {@link AnalyticsRetention#runOnce}). */
    @WithDefault("1h")
    String retentionJobEvery();
}
