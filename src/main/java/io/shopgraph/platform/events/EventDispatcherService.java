package io.shopgraph.platform.events;

import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.json.bind.Jsonb;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.shopgraph.platform.kernel.StoreId;
import io.shopgraph.platform.tenancy.TenantScope;

/**
 * This instance's dispatcher (when {@code shopgraph.events.dispatcher-enabled}) and the retention job.
 * Both start after the application started and stop before it shuts down.
 */
@ApplicationScoped
public class EventDispatcherService {

    private final AgroalDataSource dataSource;
    private final EventConsumers consumers;
    private final TenantScope tenantScope;
    private final Jsonb jsonb;
    private final EventsConfig config;
    private final MeterRegistry meters;
    private final EventDispatcher dispatcher;
    private ScheduledExecutorService pruner;

    EventDispatcherService(AgroalDataSource dataSource, EventConsumers consumers, TenantScope tenantScope, Jsonb jsonb,
            EventsConfig config, MeterRegistry meters) {
        this.dataSource = dataSource;
        this.consumers = consumers;
        this.tenantScope = tenantScope;
        this.jsonb = jsonb;
        this.config = config;
        this.meters = meters;
        this.dispatcher = newDispatcher("main", consumers);
    }

    void start(@Observes StartupEvent event) {
        if (!config.dispatcherEnabled()) {
            return;
        }
        dispatcher.start();
        pruner = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "events-pruner");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(1, config.pruneInterval().toSeconds());
        pruner.scheduleWithFixedDelay(this::pruneNow, every, every, TimeUnit.SECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (pruner != null) {
            pruner.shutdownNow();
        }
        dispatcher.stop();
    }

    /** Wakes this instance's dispatcher for a store whose events just committed. */
    void wake(StoreId store) {
        dispatcher.wake(store);
    }

    /** This instance's dispatcher. */
    public EventDispatcher dispatcher() {
        return dispatcher;
    }

    /** Another dispatcher on the same database, wired like this instance's (tests and bench run several). */
    public EventDispatcher newDispatcher(String name, EventConsumers only) {
        return newDispatcher(name, only, config.batchSize());
    }

    /** {@link #newDispatcher(String, EventConsumers)} claiming {@code batchSize} deliveries per transaction. */
    public EventDispatcher newDispatcher(String name, EventConsumers only, int batchSize) {
        return new EventDispatcher(name, dataSource, only, tenantScope, jsonb, config, meters, batchSize);
    }

    /** The deployed consumers. */
    public EventConsumers consumers() {
        return consumers;
    }

    /** Prunes events older than the retention; returns how many were deleted. */
    public int pruneNow() {
        try {
            int deleted = dispatcher.prune(Instant.now().minus(config.retention()));
            if (deleted > 0) {
                Log.infof("Pruned %d events older than %s", deleted, config.retention());
            }
            return deleted;
        } catch (RuntimeException e) {
            Log.warnf("Event pruning failed: %s", e.toString());
            return 0;
        }
    }
}
