package io.shopgraph.cart.application;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The cart module's settings (README's configuration table lists them). */
@ConfigMapping(prefix = "shopgraph.cart")
public interface CartConfig {

    /** A cart nobody touched for this long expires: it no longer answers to its id, and with lines it counts as abandoned. */
    @WithDefault("P10D")
    Duration idleExpiry();

    /** Most lines in one cart. */
    @WithDefault("100")
    int maxLines();

    /** Largest quantity of one line. */
    @WithDefault("999")
    int maxLineQuantity();

    /** Most units in one cart, all lines together. */
    @WithDefault("5000")
    int maxCartQuantity();

    /** Most cart attributes. */
    @WithDefault("20")
    int maxAttributes();

    /** Sessions. */
    SessionConfig session();

    /** How often the expiry and retention job runs. */
    @WithDefault("15m")
    String jobEvery();

    interface SessionConfig {

        /** A session without events for this long ends: its token no longer records anything. */
        @WithDefault("PT30M")
        Duration idleExpiry();

        /** Sessions, their events, and expired or merged carts are deleted this long after they started or ended. */
        @WithDefault("P400D")
        Duration retention();

        /** Most events one session may record. */
        @WithDefault("2000")
        int maxEvents();
    }
}
