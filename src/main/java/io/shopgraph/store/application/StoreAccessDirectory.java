package io.shopgraph.store.application;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.shopgraph.platform.errors.ApiException;
import io.shopgraph.platform.kernel.StoreId;
import io.shopgraph.platform.security.MerchantGrant;
import io.shopgraph.platform.security.MerchantPrincipal;
import io.shopgraph.platform.security.StoreAccessResolver;
import io.shopgraph.store.application.CredentialLookup.Membership;

/** The store module's answer to "which store does this credential open, and how far?". */
@ApplicationScoped
public class StoreAccessDirectory implements StoreAccessResolver {

    private final CredentialLookup lookup;
    private final StorefrontTokenCache cache;

    StoreAccessDirectory(CredentialLookup lookup, StorefrontTokenCache cache) {
        this.lookup = lookup;
        this.cache = cache;
    }

    @Override
    @SuppressWarnings("java:S2789") // a null Optional means "not cached"
    public Optional<StoreId> storeForStorefrontToken(String token) {
        if (token.length() > 200) {
            return Optional.empty();
        }
        String hash = TokenHashing.hash(token);
        Optional<StoreId> cached = cache.get(hash);
        if (cached != null) {
            return cached;
        }
        Optional<StoreId> store = lookup.storeOfLiveToken(hash);
        cache.put(hash, store);
        return store;
    }

    @Override
    public Optional<MerchantGrant> merchantGrant(MerchantPrincipal principal, Optional<StoreId> requestedStore) {
        if (principal.issuer() == null || principal.subject() == null) {
            return Optional.empty();
        }
        List<Membership> memberships = lookup.memberships(principal.issuer(), principal.subject());
        Optional<Membership> chosen;
        if (requestedStore.isPresent()) {
            chosen = memberships.stream().filter(m -> m.store().equals(requestedStore.get())).findFirst();
        } else if (memberships.size() > 1) {
            throw ApiException.badRequest("The caller belongs to several stores: choose one with the X-Store-Id header.");
        } else {
            chosen = memberships.stream().findFirst();
        }
        return chosen.map(m -> new MerchantGrant(m.store(), principal.subject(), m.role().scopes()));
    }
}
