package io.shopgraph.store.application;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import io.shopgraph.platform.errors.DomainException;
import io.shopgraph.platform.kernel.Ids;
import io.shopgraph.platform.security.OpaqueTokens;
import io.shopgraph.platform.tenancy.TenantContext;
import io.shopgraph.store.domain.AllowedOrigins;
import io.shopgraph.store.domain.Store;
import io.shopgraph.store.domain.StoreRepository;
import io.shopgraph.store.domain.StoreRules;
import io.shopgraph.store.domain.StorefrontAccessTokenErrorCode;
import io.shopgraph.store.domain.StorefrontToken;
import io.shopgraph.store.domain.StorefrontTokenRepository;

/** Creating and revoking the current store's storefront access tokens. */
@ApplicationScoped
public class StorefrontTokenCommands {

    static final String TOKEN_PREFIX = "sgst_";

    private final StorefrontTokenRepository tokens;
    private final StoreRepository stores;
    private final TenantContext tenant;
    private final Event<StorefrontTokenChanged> changed;

    StorefrontTokenCommands(StorefrontTokenRepository tokens, StoreRepository stores, TenantContext tenant,
            Event<StorefrontTokenChanged> changed) {
        this.tokens = tokens;
        this.stores = stores;
        this.tenant = tenant;
        this.changed = changed;
    }

    /** Creates a token usable from {@code allowedOrigins} (empty: any origin). */
    @Transactional
    public CreatedStorefrontToken create(String title, List<String> allowedOrigins) {
        String cleanTitle = StoreRules.storefrontTokenTitle(title);
        AllowedOrigins origins = StoreRules.storefrontTokenOrigins(allowedOrigins);
        Store store = stores.findById(tenant.requireStore().value());
        if (tokens.countLive() >= store.plan.maxStorefrontTokens()) {
            throw new DomainException(StorefrontAccessTokenErrorCode.TOO_MANY_TOKENS, List.of(),
                    "The " + store.plan + " plan allows " + store.plan.maxStorefrontTokens() + " live storefront tokens.");
        }
        String plain = OpaqueTokens.newToken(TOKEN_PREFIX);
        StorefrontToken token = new StorefrontToken();
        token.id = Ids.newId();
        token.title = cleanTitle;
        token.tokenHash = OpaqueTokens.hash(plain);
        token.tokenHint = OpaqueTokens.hint(plain);
        token.createdAt = Instant.now();
        token.allowedOrigins = origins.patterns().toArray(String[]::new);
        tokens.persist(token);
        return new CreatedStorefrontToken(StorefrontAccessTokenView.of(token), plain);
    }

    /**
     * Renames a token and/or replaces the origins it may be used from; a null argument leaves that part as it
     * is. Instances drop the token from their token cache (this one at commit, the others within
     * {@code shopgraph.storefront-token.cache-ttl}).
     */
    @Transactional
    public StorefrontAccessTokenView update(UUID id, String title, List<String> allowedOrigins) {
        String cleanTitle = title == null ? null : StoreRules.storefrontTokenTitle(title);
        AllowedOrigins origins = allowedOrigins == null ? null : StoreRules.storefrontTokenOrigins(allowedOrigins);
        StorefrontToken token = find(id);
        if (token.isRevoked()) {
            throw new DomainException(StorefrontAccessTokenErrorCode.ALREADY_REVOKED, List.of("id"),
                    "This storefront access token was revoked.");
        }
        if (cleanTitle != null) {
            token.title = cleanTitle;
        }
        if (origins != null) {
            token.allowedOrigins = origins.patterns().toArray(String[]::new);
            changed.fire(new StorefrontTokenChanged(token.tokenHash));
        }
        return StorefrontAccessTokenView.of(token);
    }

    private StorefrontToken find(UUID id) {
        return tokens.findByIdOptional(id).orElseThrow(() -> new DomainException(
                StorefrontAccessTokenErrorCode.NOT_FOUND, List.of("id"), "No storefront access token has this id."));
    }

    @Transactional
    public StorefrontAccessTokenView revoke(UUID id) {
        StorefrontToken token = find(id);
        if (token.isRevoked()) {
            throw new DomainException(StorefrontAccessTokenErrorCode.ALREADY_REVOKED, List.of("id"),
                    "This storefront access token was already revoked.");
        }
        token.revokedAt = Instant.now();
        changed.fire(new StorefrontTokenChanged(token.tokenHash));
        return StorefrontAccessTokenView.of(token);
    }

    /** Raised inside a transaction revoking or restricting a token; the token cache drops the hash once it commits. */
    public record StorefrontTokenChanged(String tokenHash) {
    }
}
