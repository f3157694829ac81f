package io.shopgraph.platform.security;

import java.util.Optional;

import io.shopgraph.platform.kernel.StoreId;

/**
 * Turns credentials into a store. Implemented by the store module, which owns tokens and
 * memberships; the platform only defines the seam so that it depends on no module.
 */
public interface StoreAccessResolver {

    /**
     * The store a live storefront token belongs to; empty for unknown or revoked tokens.
     *
     * @param origin the request's {@code Origin} header, if any
     * @throws io.shopgraph.platform.errors.ApiException ORIGIN_NOT_ALLOWED when the token is restricted to
     *         browser origins and {@code origin} is none of them
     */
    Optional<StoreId> storeForStorefrontToken(String token, Optional<String> origin);

    /**
     * The store of a storefront token when this instance already knows it to be live (within the token
     * cache's bound) and usable from {@code origin}, without blocking; empty when unknown, revoked, refused
     * for this origin or not looked up recently.
     */
    default Optional<StoreId> knownStoreForStorefrontToken(String token, Optional<String> origin) {
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
