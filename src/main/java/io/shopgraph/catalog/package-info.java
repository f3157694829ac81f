/**
 * Catalog: products, their options, variants and media, and collections, with the storefront's
 * read path (listing, filtering, sorting, keyset pagination) and the merchant's product mutations.
 * Publishes the product and variant views other modules extend, and events about variants.
 */
@Module(name = "catalog", allowedDependencies = { "platform", "store" }, exposedPackages = "io.shopgraph.catalog.api..")
package io.shopgraph.catalog;

import io.shopgraph.platform.Module;
