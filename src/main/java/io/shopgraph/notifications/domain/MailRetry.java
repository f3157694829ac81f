package io.shopgraph.notifications.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.DoubleSupplier;

import io.shopgraph.platform.events.Backoff;

/**
 * When a mail that failed is tried again: the platform's exponential {@link Backoff} with jitter, for at most
 * {@code maxAttempts} attempts; after the last one it is given up (FAILED, visible to the merchant).
 */
public record MailRetry(Duration initial, Duration max, int maxAttempts) {

    public MailRetry {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    /** The next attempt after {@code attempts} failed ones (counted from 1), or empty when the mail is given up. */
    public Optional<Instant> next(int attempts, Instant now, DoubleSupplier random) {
        return attempts >= maxAttempts ? Optional.empty() : Optional.of(now.plus(Backoff.of(attempts, initial, max, random)));
    }
}
