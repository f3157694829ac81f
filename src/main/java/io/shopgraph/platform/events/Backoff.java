package io.shopgraph.platform.events;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with jitter, shared by event consumers and webhook deliveries: {@code initial x
 * 2^(attempt-1)}, capped at {@code max}, times a random factor in [0.5, 1] so that retries queued together
 * do not all come back at once.
 */
public final class Backoff {

    private Backoff() {
    }

    public static Duration of(int attempt, Duration initial, Duration max, DoubleSupplier random) {
        long base = initial.toMillis() << Math.min(30, Math.max(0, attempt - 1));
        long capped = Math.min(max.toMillis(), base < 0 ? Long.MAX_VALUE : base);
        return Duration.ofMillis((long) (capped * (0.5 + random.getAsDouble() * 0.5)));
    }
}
