package io.shopgraph.store.application;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.shopgraph.platform.errors.ApiException;
import io.shopgraph.platform.kernel.StoreId;
import io.shopgraph.platform.security.MerchantGrant;
import io.shopgraph.platform.security.MerchantPrincipal;
import io.shopgraph.platform.security.OpaqueTokens;
import io.shopgraph.platform.security.StoreAccessResolver;
import io.shopgraph.store.application.CredentialLookup.Installation;
import io.shopgraph.store.application.CredentialLookup.LiveToken;
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
    public Optional<StoreId> storeForStorefrontToken(String token, Optional<String> origin) {
        if (token.length() > 200) {
            return Optional.empty();
        }
        String hash = OpaqueTokens.hash(token);
        Optional<LiveToken> live = cache.get(hash);
        if (live == null) {
            live = lookup.liveToken(hash);
            cache.put(hash, live);
        }
        if (live.isPresent() && !live.get().origins().admits(origin)) {
            throw ApiException.originNotAllowed("This storefront access token may not be used from the origin "
                    + origin.map(o -> o.length() > 100 ? o.substring(0, 100) : o).orElse("") + ": the merchant "
                    + "restricted it to other sites (storefrontAccessTokenUpdate allowedOrigins).");
        }
        return live.map(LiveToken::store);
    }

    @Override
    @SuppressWarnings("java:S2789") // a null Optional means "not cached"
    public Optional<StoreId> knownStoreForStorefrontToken(String token, Optional<String> origin) {
        if (token.length() > 200) {
            return Optional.empty();
        }
        Optional<LiveToken> cached = cache.get(OpaqueTokens.hash(token));
        return cached == null ? Optional.empty() : cached.filter(t -> t.origins().admits(origin)).map(LiveToken::store);
    }

    /**
     * Staff memberships of (issuer, subject) first; where the principal is no member, the live
     * installations of its OIDC client id ({@code azp} / {@code client_id}) with exactly the scopes
     * the owner granted. Then the requested store, or the only one.
     */
    @Override
    public Optional<MerchantGrant> merchantGrant(MerchantPrincipal principal, Optional<StoreId> requestedStore) {
        Map<StoreId, MerchantGrant> grants = new LinkedHashMap<>();
        if (principal.issuer() != null && principal.subject() != null) {
            for (Membership m : lookup.memberships(principal.issuer(), principal.subject())) {
                grants.put(m.store(), new MerchantGrant(m.store(), principal.subject(), m.role().scopes()));
            }
        }
        if (principal.clientId().isPresent() && !principal.clientId().get().isBlank()
                && principal.clientId().get().length() <= 255) {
            String clientId = principal.clientId().get();
            for (Installation app : lookup.installations(clientId)) {
                grants.putIfAbsent(app.store(), new MerchantGrant(app.store(), "app:" + clientId, app.scopes()));
            }
        }
        if (requestedStore.isPresent()) {
            return Optional.ofNullable(grants.get(requestedStore.get()));
        }
        if (grants.size() > 1) {
            throw ApiException.badRequest("The caller belongs to several stores: choose one with the X-Store-Id header.");
        }
        return grants.values().stream().findFirst();
    }
}
