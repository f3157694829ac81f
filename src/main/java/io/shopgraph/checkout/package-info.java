/**
 * Checkout: the one pricing function (discounts, shipping zones and rates, tax rates, totals) that the cart,
 * the checkout and the order snapshot all use, and checkout completion (re-validate the cart, place the
 * order, reserve stock and booked slots, start the payment). Extends the order line with its booking. Extends the cart's GraphQL type with what pricing knows.
 */
@Module(name = "checkout",
        allowedDependencies = { "platform", "store", "cart", "catalog", "inventory", "customers", "payments", "orders", "bookings" },
        exposedPackages = "io.shopgraph.checkout.api..")
package io.shopgraph.checkout;

import io.shopgraph.platform.Module;
