package io.shopgraph.platform.security;

import java.util.Optional;
import java.util.UUID;

import io.shopgraph.platform.kernel.StoreId;

/**
 * Turns a customer access token into the customer it signs in, within the store the request's
 * storefront token already fixed. Implemented by the customers module.
 */
public interface CustomerAccessResolver {

    /** The customer of a live (unexpired, unrevoked) token of {@code store}; empty otherwise. */
    Optional<UUID> customerForToken(StoreId store, String token);
}
