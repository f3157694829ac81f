/**
 * Orders: placed orders with their full price snapshot, per-store order numbers, statuses and timeline,
 * payments (through the payments module, by reference), refunds and fulfilments; a customer's own orders and
 * a guest's order by its secret token.
 */
@Module(name = "orders", allowedDependencies = { "platform", "store", "customers", "catalog", "payments" },
        exposedPackages = "io.shopgraph.orders.api..")
package io.shopgraph.orders;

import io.shopgraph.platform.Module;
