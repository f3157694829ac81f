/**
 * Inventory: stock per catalog variant (on hand, tracked or not, policy when out of stock). Extends
 * the catalog's ProductVariant and Product types with availability and keeps one stock row per
 * variant by reacting to the catalog's variant events.
 */
@Module(name = "inventory", allowedDependencies = { "platform", "store", "catalog" }, exposedPackages = "io.shopgraph.inventory.api..")
package io.shopgraph.inventory;

import io.shopgraph.platform.Module;
