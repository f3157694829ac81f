package io.shopgraph.cart.application;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.shopgraph.platform.kernel.StoreId;
import io.shopgraph.platform.tenancy.TenantScope;

/**
 * Expiry and retention, store by store (row-level security shows a job one store at a time): open carts
 * idle past the configured period become EXPIRED (with lines, they count as abandoned; they hold no stock,
 * so expiring frees nothing else), and sessions, their events and ended carts older than the retention
 * period are deleted. Idempotent: running it twice, or on two instances at once, changes nothing more.
 */
@ApplicationScoped
public class CartJobs {

    private static final Logger LOG = Logger.getLogger(CartJobs.class);

    /** What one run did, summed over the stores. */
    public record Result(int stores, int cartsExpired, int cartsDeleted, int sessionsDeleted) {
    }

    private final TenantScope scope;
    private final CartSweeps sweeps;

    CartJobs(TenantScope scope, CartSweeps sweeps) {
        this.scope = scope;
        this.sweeps = sweeps;
    }

    @Scheduled(every = "${shopgraph.cart.job-every:15m}", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            Result result = runOnce();
            LOG.debugf("cart expiry and retention: %s", result);
        } catch (RuntimeException e) {
            LOG.warn("cart expiry and retention failed; the next run tries again", e);
        }
    }

    /** One pass over every store with carts or sessions. */
    public Result runOnce() {
        List<UUID> stores = sweeps.storesWithActivity();
        int expired = 0;
        int deleted = 0;
        int sessions = 0;
        for (UUID store : stores) {
            int[] counts = scope.call(new StoreId(store), () -> sweeps.sweep(store));
            expired += counts[0];
            deleted += counts[1];
            sessions += counts[2];
        }
        return new Result(stores.size(), expired, deleted, sessions);
    }
}
