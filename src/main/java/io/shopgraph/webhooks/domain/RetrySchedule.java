package io.shopgraph.webhooks.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When a failed delivery is tried again: {@code initial x 2^(attempt-1)}, capped at {@code max}, times a
 * random factor in [0.5, 1] (jitter, so a recovering endpoint is not hit by every queued delivery at once),
 * until {@code period} after the delivery was created; after that it is given up.
 */
public record RetrySchedule(Duration initial, Duration max, Duration period) {

    /** The next attempt after {@code attempts} failed ones, or empty when the retry period is over. */
    public Optional<Instant> next(int attempts, Instant created, Instant now, DoubleSupplier random) {
        long base = initial.toMillis() << Math.min(30, Math.max(0, attempts - 1));
        long capped = Math.min(max.toMillis(), base < 0 ? Long.MAX_VALUE : base);
        Instant next = now.plusMillis((long) (capped * (0.5 + random.getAsDouble() * 0.5)));
        return next.isAfter(created.plus(period)) ? Optional.empty() : Optional.of(next);
    }
}
