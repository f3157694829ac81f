package io.shopgraph.webhooks.application;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of outgoing webhooks ({@code shopgraph.webhooks.*}); README's configuration table lists them. */
@ConfigMapping(prefix = "shopgraph.webhooks")
public interface WebhooksConfig {

    /** Callback URLs must be https (production). Dev and tests allow http for local receivers. */
    @WithDefault("true")
    boolean requireHttps();

    /**
     * Exact {@code host:port} targets exempt from the private-address rules, e.g. a test receiver on
     * {@code 127.0.0.1:<port>}. Empty in production.
     */
    Optional<Set<String>> allowedTargets();

    /** Whether this instance sends deliveries. Any number of instances may. */
    @WithDefault("true")
    boolean senderEnabled();

    /** Time to open a connection to an endpoint. */
    @WithDefault("3s")
    Duration connectTimeout();

    /** Time an endpoint has to answer a delivery (connection included), after which the attempt failed. */
    @WithDefault("10s")
    Duration requestTimeout();

    /** Deliveries posted at once by this instance, all endpoints together. */
    @WithDefault("16")
    int senderThreads();

    /** Deliveries posted at once to one endpoint (host and port): a slow endpoint holds at most this many threads. */
    @WithDefault("2")
    int perEndpointConcurrency();

    /** Deliveries of one store posted at once: a store with many slow endpoints holds at most this many threads. */
    @WithDefault("4")
    int perStoreConcurrency();

    /** How often the sender looks for due deliveries when nothing woke it (retries, other instances' events). */
    @WithDefault("1s")
    Duration pollInterval();

    /** First retry delay after a failed attempt; doubled per attempt, with jitter. */
    @WithDefault("10s")
    Duration retryInitialBackoff();

    /** Longest delay between two attempts. */
    @WithDefault("1h")
    Duration retryMaxBackoff();

    /** How long a delivery is retried before it is given up and its subscription marked failing. */
    @WithDefault("48h")
    Duration retryPeriod();

    /** Default and longest time the previous secret stays valid after a rotation. */
    @WithDefault("24h")
    Duration rotationOverlap();

    /** Most webhook subscriptions per store. */
    @WithDefault("100")
    int maxSubscriptionsPerStore();
}
