package io.shopgraph.webhooks.seed;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The events and webhooks load generator of bench/events.sh ({@code shopgraph.bench.events.*}); off by default. */
@ConfigMapping(prefix = "shopgraph.bench.events")
public interface EventsBenchConfig {

    /** Events published per second; 0 turns the generator off. */
    @WithDefault("0")
    int rate();

    /** How long events are published. */
    @WithDefault("60s")
    Duration duration();

    /** Stores the events are spread over (each with one webhook subscription). */
    @WithDefault("10")
    int stores();

    /** First loopback port of the generator's webhook receivers, one per store (all must be in shopgraph.webhooks.allowed-targets). */
    @WithDefault("18990")
    int receiverPort();

    /** Publishing threads (one event per transaction, like one mutation each). */
    @WithDefault("4")
    int threads();
}
