package io.shopgraph.bookings.application;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The bookings module's settings (README, configuration). */
@ConfigMapping(prefix = "shopgraph.bookings")
public interface BookingsConfig {

    /** How far ahead a slot may start. */
    @WithDefault("P730D")
    Duration horizon();

    /** The most places one slot may have. */
    @WithDefault("10000")
    int maxCapacity();
}
