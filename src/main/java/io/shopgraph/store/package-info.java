/**
 * Store: the tenants themselves. Stores and their settings, storefront access tokens, staff
 * memberships (OIDC issuer + subject with a role). Implements the platform's
 * {@link io.shopgraph.platform.security.StoreAccessResolver}, so every other module learns the
 * current store from the platform's tenancy context and never reads these tables.
 */
@Module(name = "store", allowedDependencies = "platform", exposedPackages = "io.shopgraph.store.api..")
package io.shopgraph.store;

import io.shopgraph.platform.Module;
