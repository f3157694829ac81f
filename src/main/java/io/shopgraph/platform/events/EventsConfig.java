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

    /** Stores drained in parallel by one dispatcher (each on its own thread and connection). */
    @WithDefault("4")
    int workers();

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
