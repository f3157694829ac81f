package io.shopgraph.platform.security;

import java.util.Optional;

import io.shopgraph.platform.kernel.StoreId;

/**
 * Turns credentials into a store. Implemented by the store module, which owns tokens and
 * memberships; the platform only defines the seam so that it depends on no module.
 */
public interface StoreAccessResolver {

    /** The store a live storefront token belongs to; empty for unknown or revoked tokens. */
    Optional<StoreId> storeForStorefrontToken(String token);

    /**
     * The store of a storefront token when this instance already knows it to be live (within the token
     * cache's bound), without blocking; empty when unknown, revoked or not looked up recently.
     */
    default Optional<StoreId> knownStoreForStorefrontToken(String token) {
        return Optional.empty();
    }

    /**
     * The grant of a merchant principal in the requested store, or in its only store when none is
     * requested. Empty when the principal is not a member of that store (or of any store).
     *
     * @throws io.shopgraph.platform.errors.ApiException BAD_REQUEST when the principal belongs to
     *         several stores and did not choose one
     */
    Optional<MerchantGrant> merchantGrant(MerchantPrincipal principal, Optional<StoreId> requestedStore);
}
