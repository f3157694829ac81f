package io.shopgraph.customers.application;

import java.time.Duration;
import java.util.Optional;

/** The growing delay of sign-in throttling. */
public final class LoginThrottleDelays {

    private LoginThrottleDelays() {
    }

    /** The block after the {@code failures}-th failure: none while free, then base x 2^(failures - free), capped. */
    public static Optional<Duration> of(int failures, int free, Duration base, Duration max) {
        if (failures < free) {
            return Optional.empty();
        }
        int exponent = Math.min(failures - free, 30);
        Duration delay = base.multipliedBy(1L << exponent);
        return Optional.of(delay.compareTo(max) > 0 ? max : delay);
    }
}
