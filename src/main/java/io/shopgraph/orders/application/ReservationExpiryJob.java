package io.shopgraph.orders.application;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.shopgraph.platform.kernel.StoreId;
import io.shopgraph.platform.tenancy.TenantScope;

/**
 * Releases the stock of unpaid orders whose reservation ended, store by store, each order in its own
 * transaction (lock, RELEASE instruction, timeline). Idempotent and safe on several instances at once: the
 * order's lock and its stock state decide, so an order is released once.
 */
@ApplicationScoped
public class ReservationExpiryJob {

    private static final Logger LOG = Logger.getLogger(ReservationExpiryJob.class);

    private final TenantScope scope;
    private final OrderCommands commands;
    private final OrdersConfig config;

    ReservationExpiryJob(TenantScope scope, OrderCommands commands, OrdersConfig config) {
        this.scope = scope;
        this.commands = commands;
        this.config = config;
    }

    @Scheduled(every = "${shopgraph.orders.expiry-job-every:1m}", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            int released = runOnce();
            if (released > 0) {
                LOG.debugf("reservation expiry: %d orders released", released);
            }
        } catch (RuntimeException e) {
            LOG.warn("reservation expiry failed; the next run tries again", e);
        }
    }

    /** One pass: answers how many orders it released. */
    public int runOnce() {
        int released = 0;
        for (UUID store : commands.storesWithReservationsDue(1000)) {
            released += scope.call(new StoreId(store), () -> {
                int count = 0;
                List<UUID> due = commands.reservationsDue(config.expiryBatch());
                for (UUID order : due) {
                    if (commands.expireReservation(order)) {
                        count++;
                    }
                }
                commands.recomputeNextExpiry();
                return count;
            });
        }
        return released;
    }
}
