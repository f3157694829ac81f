package io.shopgraph.orders.application;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The orders module's settings (README's configuration table lists them). */
@ConfigMapping(prefix = "shopgraph.orders")
public interface OrdersConfig {

    /** How long an unpaid order holds its stock; after it, the stock goes back on sale (a later payment re-reserves or is refunded). */
    @WithDefault("PT30M")
    Duration reservationWindow();

    /** How often the expiry job looks for reservations that ended (also the bound on how late a release can be). */
    @WithDefault("1m")
    String expiryJobEvery();

    /** Most orders one store's expiry pass releases (the rest wait for the next pass). */
    @WithDefault("500")
    int expiryBatch();

    /** Where the hosted balance page (GET /pay/{token}) loads Stripe.js from (Stripe requires its own host in production). */
    @WithDefault("https://js.stripe.com/v3/")
    String stripeJsUrl();
}
