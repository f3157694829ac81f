package io.shopgraph.analytics.application;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.shopgraph.platform.kernel.StoreId;
import io.shopgraph.platform.tenancy.TenantScope;

/**
 * Retention of the analytics facts, store by store (row-level security shows a job one store at a time): facts older
 * than {@code shopgraph.analytics.fact-retention} are deleted in batches of {@code retention-batch} rows, each batch a
 * short transaction of its own (no long lock, no huge transaction on a busy store). The rollups are kept, so reports
 * over older periods still answer: before deleting, the store's dirty quarter-hours are rolled up and the store's
 * horizon ({@code analytics.fact_horizon}) moves to the cutoff, after which refreshes and rebuilds leave the rollups
 * before it alone. Idempotent: running it twice, or on two instances at once, deletes nothing more.
 */
@ApplicationScoped
public class AnalyticsRetention {

    private static final Logger LOG = Logger.getLogger(AnalyticsRetention.class);

    /** What one run did, summed over the stores. */
    public record Result(int stores, long factsDeleted, int batches) {
    }

    private final TenantScope scope;
    private final RetentionSweeps sweeps;
    private final AnalyticsConfig config;

    AnalyticsRetention(TenantScope scope, RetentionSweeps sweeps, AnalyticsConfig config) {
        this.scope = scope;
        this.sweeps = sweeps;
        this.config = config;
    }

    @Scheduled(every = "${shopgraph.analytics.retention-job-every:1h}", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            Result result = runOnce();
            LOG.debugf("analytics retention: %s", result);
        } catch (RuntimeException e) {
            LOG.warn("analytics retention failed; the next run tries again", e);
        }
    }

    /** One pass over every store with analytics, with the configured retention. */
    public Result runOnce() {
        return runOnce(Instant.now());
    }

    /**
     * One pass as if it were {@code now}: deletes the facts before the UTC midnight at or before now − retention (a
     * whole UTC day, so that the rollups kept end on the boundaries of every rollup level).
     */
    public Result runOnce(Instant now) {
        Instant cutoff = now.minus(config.factRetention()).truncatedTo(ChronoUnit.DAYS);
        List<UUID> stores = sweeps.storesWithAnalytics();
        long deleted = 0;
        int batches = 0;
        for (UUID store : stores) {
            StoreId id = new StoreId(store);
            scope.run(id, () -> sweeps.closeBefore(store, cutoff));
            for (String table : RetentionSweeps.TABLES) {
                int n;
                do {
                    n = scope.call(id, () -> sweeps.deleteBatch(table, store, cutoff, config.retentionBatch()));
                    deleted += n;
                    batches++;
                } while (n == config.retentionBatch());
            }
        }
        return new Result(stores.size(), deleted, batches);
    }
}
