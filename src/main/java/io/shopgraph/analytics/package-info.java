/**
 * Analytics: the KPIs merchants ask for (sessions, carts, checkouts, orders, revenue, conversion, cart
 * abandonment, checkout drop-off, top products and traffic sources) and the abandoned carts to recover.
 * Built only from other modules' event records ({@code <module>.api.events}) received through the outbox:
 * the events become facts in the module's own tables, the facts become rollups per store and UTC
 * quarter-hour (and day, for top lists), and the merchant queries read the rollups. See docs/analytics.md.
 */
@Module(name = "analytics", allowedDependencies = { "platform", "store", "cart", "orders", "checkout" },
        exposedPackages = "io.shopgraph.analytics.api..")
package io.shopgraph.analytics;

import io.shopgraph.platform.Module;
