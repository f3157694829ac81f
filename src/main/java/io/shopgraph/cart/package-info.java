/**
 * Cart: shopper sessions (a pseudonymous resource kept for analytics, with their timestamped events) and
 * carts with their lines. Reads prices, purchasability and line-attribute declarations through the
 * catalog's API, stock through inventory's, and customers through theirs (attach and merge on sign-in).
 * A service line carries the time slot the shopper chose (validated through the bookings module's API).
 * Its tables never announce changes to the storefront response cache, and its mutations never flush it.
 */
@Module(name = "cart", allowedDependencies = { "platform", "store", "catalog", "inventory", "customers", "bookings" },
        exposedPackages = "io.shopgraph.cart.api..")
package io.shopgraph.cart;

import io.shopgraph.platform.Module;
