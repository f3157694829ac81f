/**
 * Checkout: the one pricing function (discounts, shipping zones and rates, tax rates, totals) that the cart,
 * the checkout and the order snapshot all use, and checkout completion (re-validate the cart, place the
 * order, reserve stock, start the payment). Extends the cart's GraphQL type with what pricing knows.
 */
@Module(name = "checkout",
        allowedDependencies = { "platform", "store", "cart", "catalog", "inventory", "customers", "payments", "orders" },
        exposedPackages = "io.shopgraph.checkout.api..")
package io.shopgraph.checkout;

import io.shopgraph.platform.Module;
