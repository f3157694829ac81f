/**
 * Customers: per-store customer accounts (email + PBKDF2 password hash), their addresses, opaque
 * customer access tokens (sent in X-Customer-Token next to the storefront token), password resets
 * through the {@link io.shopgraph.customers.application.CustomerMailer} seam, and login throttling.
 * Implements the platform's {@link io.shopgraph.platform.security.CustomerAccessResolver}.
 */
@Module(name = "customers", allowedDependencies = { "platform", "store" }, exposedPackages = "io.shopgraph.customers.api..")
package io.shopgraph.customers;

import io.shopgraph.platform.Module;
