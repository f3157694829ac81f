package io.shopgraph.platform.events;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the outbox dispatcher ({@code shopgraph.events.*}); README's configuration table lists them. */
@ConfigMapping(prefix = "shopgraph.events")
public interface EventsConfig {

    /** Whether this instance runs a dispatcher. Any number of instances may; they share the work. */
    @WithDefault("true")
    boolean dispatcherEnabled();

    /**
     * How often the dispatcher looks for due deliveries when nothing woke it. A commit on this instance
     * wakes it at once; this bounds the delay for events committed on other instances, after a crash,
     * and for retries.
     */
    @WithDefault("500ms")
    Duration pollInterval();

    /** Deliveries claimed per store and transaction. */
    @WithDefault("100")
    int batchSize();

    /** Threads of one dispatcher, each draining a store (or a lane of one) on its own connection. */
    @WithDefault("6")
    int workers();

    /**
     * Workers one store's backlog may use at once, and never all of them (at most {@link #workers()} - 1, so other stores
     * always have one). A store with more due deliveries than one batch is split into this many lanes by aggregate, each
     * drained in its own transactions; a (consumer, aggregate) queue always falls in the same lane, so per-aggregate order
     * holds. At 100 checkouts a second (about twelve deliveries each) on two busy cores, one worker delivered 300 a second
     * and two 750; four kept up.
     */
    @WithDefault("4")
    int lanesPerStore();

    /** First retry delay of a failing delivery; doubled per attempt, with jitter. */
    @WithDefault("1s")
    Duration retryInitialBackoff();

    /** Longest retry delay; a failing delivery is retried at least this often until it succeeds. */
    @WithDefault("5m")
    Duration retryMaxBackoff();

    /** How long events are kept after they occurred; delivered events older than this are pruned. */
    @WithDefault("7d")
    Duration retention();

    /** How often each instance prunes events older than the retention. */
    @WithDefault("1h")
    Duration pruneInterval();
}
