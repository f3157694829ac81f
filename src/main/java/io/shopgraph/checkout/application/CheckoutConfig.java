package io.shopgraph.checkout.application;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The checkout module's settings (README's configuration table lists them). */
@ConfigMapping(prefix = "shopgraph.checkout")
public interface CheckoutConfig {

    /** Throttling of discount-code guesses (cartDiscountCodesUpdate): only codes that do not exist count. */
    CodeGuesses codeGuesses();

    interface CodeGuesses {

        /** Unknown codes one shopper session (or a cart without a session) may try before waiting. */
        @WithDefault("10")
        int perSession();

        /** Unknown codes one client (storefront token and client address) may try, over all its carts, before waiting. */
        @WithDefault("30")
        int perClient();

        /** How long a spent allowance takes to come back in full (it comes back gradually). */
        @WithDefault("PT10M")
        Duration refillPeriod();

        /** Most throttled keys kept in memory per instance; beyond that, keys with a full allowance are forgotten first. */
        @WithDefault("100000")
        int maxKeys();
    }
}
