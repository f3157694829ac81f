package io.shopgraph.store.application;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import io.shopgraph.platform.errors.DomainException;
import io.shopgraph.platform.kernel.Ids;
import io.shopgraph.platform.tenancy.TenantContext;
import io.shopgraph.store.domain.Store;
import io.shopgraph.store.domain.StoreRepository;
import io.shopgraph.store.domain.StorefrontToken;
import io.shopgraph.store.domain.StorefrontTokenRepository;

/** Creating and revoking the current store's storefront access tokens. */
@ApplicationScoped
public class StorefrontTokenCommands {

    static final String TOKEN_PREFIX = "sgst_";

    private final StorefrontTokenRepository tokens;
    private final StoreRepository stores;
    private final TenantContext tenant;
    private final Event<StorefrontTokenRevoked> revoked;

    StorefrontTokenCommands(StorefrontTokenRepository tokens, StoreRepository stores, TenantContext tenant,
            Event<StorefrontTokenRevoked> revoked) {
        this.tokens = tokens;
        this.stores = stores;
        this.tenant = tenant;
        this.revoked = revoked;
    }

    @Transactional
    public CreatedStorefrontToken create(String title) {
        String cleanTitle = title == null ? "" : title.strip();
        if (cleanTitle.isEmpty() || cleanTitle.length() > 100) {
            throw new DomainException(StorefrontAccessTokenErrorCode.INVALID_TITLE, List.of("input", "title"),
                    "The title must have 1 to 100 characters.");
        }
        Store store = stores.findById(tenant.store().orElseThrow().value());
        if (tokens.countLive() >= store.plan.maxStorefrontTokens()) {
            throw new DomainException(StorefrontAccessTokenErrorCode.TOO_MANY_TOKENS, List.of(),
                    "The " + store.plan + " plan allows " + store.plan.maxStorefrontTokens() + " live storefront tokens.");
        }
        String plain = TokenHashing.newToken(TOKEN_PREFIX);
        StorefrontToken token = new StorefrontToken();
        token.id = Ids.newId();
        token.title = cleanTitle;
        token.tokenHash = TokenHashing.hash(plain);
        token.tokenHint = TokenHashing.hint(plain);
        token.createdAt = Instant.now();
        tokens.persist(token);
        return new CreatedStorefrontToken(StorefrontAccessTokenView.of(token), plain);
    }

    @Transactional
    public StorefrontAccessTokenView revoke(UUID id) {
        StorefrontToken token = tokens.findByIdOptional(id).orElseThrow(() -> new DomainException(
                StorefrontAccessTokenErrorCode.NOT_FOUND, List.of("id"), "No storefront access token has this id."));
        if (token.isRevoked()) {
            throw new DomainException(StorefrontAccessTokenErrorCode.ALREADY_REVOKED, List.of("id"),
                    "This storefront access token was already revoked.");
        }
        token.revokedAt = Instant.now();
        revoked.fire(new StorefrontTokenRevoked(token.tokenHash));
        return StorefrontAccessTokenView.of(token);
    }

    /** Raised inside the revoking transaction; the token cache drops the hash once it commits. */
    public record StorefrontTokenRevoked(String tokenHash) {
    }
}
