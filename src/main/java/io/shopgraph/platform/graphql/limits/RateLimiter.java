package io.shopgraph.platform.graphql.limits;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * Leaky buckets of query cost per caller (bucket4j, in this instance's memory). A request takes its
 * static cost from its caller's bucket or is refused with the time until that cost is back. The state is
 * <b>per instance</b>: behind a load balancer spreading a caller over N replicas, the caller can spend up
 * to N times the configured capacity and rate in total (docs/limits.md).
 */
@ApplicationScoped
public class RateLimiter {

    /** Who is charged: the kind decides the limits, the key the bucket. */
    public record Caller(Kind kind, String key) {
    }

    public enum Kind {
        ANONYMOUS, STOREFRONT, CUSTOMER, MERCHANT, APP
    }

    /** The outcome: admitted or not, what is left, and when the requested cost is available again. */
    public record Decision(boolean admitted, long remaining, long capacity, long restorePerSecond, Duration retryAfter) {
    }

    private final LimitsConfig.Rate config;
    private final Map<Caller, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimiter(LimitsConfig config) {
        this.config = config.rate();
    }

    public boolean enabled() {
        return config.enabled();
    }

    public Decision charge(Caller caller, long cost) {
        LimitsConfig.Bucket limits = limits(caller.kind());
        if (buckets.size() >= config.maxBuckets()) {
            evictFull();
        }
        Bucket bucket = buckets.computeIfAbsent(caller, c -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limits.capacity())
                        .refillGreedy(limits.restorePerSecond(), Duration.ofSeconds(1)).build())
                .build());
        if (cost > limits.capacity()) {
            return new Decision(false, bucket.getAvailableTokens(), limits.capacity(), limits.restorePerSecond(), Duration.ZERO);
        }
        if (cost <= 0) { // bucket4j refuses to consume nothing; a free request is always admitted
            return new Decision(true, bucket.getAvailableTokens(), limits.capacity(), limits.restorePerSecond(), Duration.ZERO);
        }
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(cost);
        return new Decision(probe.isConsumed(), probe.getRemainingTokens(), limits.capacity(), limits.restorePerSecond(),
                Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    LimitsConfig.Bucket limits(Kind kind) {
        return switch (kind) {
            case ANONYMOUS -> config.anonymous();
            case STOREFRONT -> config.storefront();
            case CUSTOMER -> config.customer();
            case MERCHANT -> config.merchant();
            case APP -> config.app();
        };
    }

    /** Full buckets carry no state worth keeping: a new bucket starts full. */
    private void evictFull() {
        buckets.entrySet().removeIf(e -> e.getValue().getAvailableTokens() >= limits(e.getKey().kind()).capacity());
        if (buckets.size() >= config.maxBuckets()) {
            buckets.clear(); // under a flood of distinct callers, forgetting is safer than growing without bound
        }
    }
}
