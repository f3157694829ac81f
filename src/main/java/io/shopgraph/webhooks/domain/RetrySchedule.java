package io.shopgraph.webhooks.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.DoubleSupplier;

import io.shopgraph.platform.events.Backoff;

/**
 * When a failed delivery is tried again: the events' {@link Backoff} (exponential, capped, with jitter so a
 * recovering endpoint is not hit by every queued delivery at once), until {@code period} after the delivery
 * was created; after that it is given up.
 */
public record RetrySchedule(Duration initial, Duration max, Duration period) {

    /** The next attempt after {@code attempts} failed ones, or empty when the retry period is over. */
    public Optional<Instant> next(int attempts, Instant created, Instant now, DoubleSupplier random) {
        Instant next = now.plus(Backoff.of(attempts, initial, max, random));
        return next.isAfter(created.plus(period)) ? Optional.empty() : Optional.of(next);
    }
}
