package io.shopgraph.customers.application;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Settings of customer accounts ({@code shopgraph.customers.*}), with their defaults; README's configuration
 * table lists them and application.properties sets only what a profile changes (tests lower the hashing cost).
 */
@ConfigMapping(prefix = "shopgraph.customers")
public interface CustomersConfig {

    /** How long a customer access token stays valid after sign-in. */
    @WithDefault("P30D")
    Duration tokenTtl();

    /** How long a password-reset token stays usable. */
    @WithDefault("PT1H")
    Duration passwordResetTtl();

    /** Password hashing. */
    Password password();

    /** Sign-in throttling: free failures per email / per client address, then base x 2^n up to max. */
    Login login();

    /** Sign-up throttling per client address. */
    SignUp signUp();

    interface Password {

        /** PBKDF2WithHmacSHA256 iterations (OWASP 2023: 600,000). */
        @WithDefault("600000")
        int iterations();

        /** Threads that hash passwords: a flood of sign-ins takes at most this many cores. */
        @WithDefault("2")
        int threads();

        /** Hashing requests that may wait for a thread; past it a sign-in is answered THROTTLED at once. */
        @WithDefault("32")
        int queue();
    }

    interface Login {

        /** Failed sign-ins per email before delays start. */
        @WithDefault("5")
        int freeFailuresPerEmail();

        /** Failed sign-ins per client address before delays start. */
        @WithDefault("20")
        int freeFailuresPerClient();

        /** The first delay; each further failure doubles it. */
        @WithDefault("PT1S")
        Duration baseDelay();

        /** The longest delay. */
        @WithDefault("PT15M")
        Duration maxDelay();
    }

    interface SignUp {

        /** Sign-ups per client address before delays start. */
        @WithDefault("10")
        int freePerClient();
    }
}
