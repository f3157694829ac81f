package io.shopgraph.store.application;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import io.shopgraph.store.application.CredentialLookup.LiveToken;
import io.shopgraph.store.application.StorefrontTokenCommands.StorefrontTokenChanged;

/**
 * Remembers which store a token hash belongs to (and the origins it is restricted to), so that a storefront request does not pay a
 * transaction for its token. A revocation or a change of its origins drops the entry on this instance when
 * it commits; other instances follow within {@code shopgraph.storefront-token.cache-ttl}.
 */
@ApplicationScoped
class StorefrontTokenCache {

    private static final int MAX_ENTRIES = 100_000;

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final long ttlNanos;

    StorefrontTokenCache(StoreConfig config) {
        this.ttlNanos = config.cacheTtl().toNanos();
    }

    Optional<LiveToken> get(String tokenHash) {
        Entry entry = entries.get(tokenHash);
        if (entry == null || System.nanoTime() - entry.loadedAt > ttlNanos) {
            return null;
        }
        return entry.store;
    }

    void put(String tokenHash, Optional<LiveToken> store) {
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(tokenHash, new Entry(store, System.nanoTime()));
    }

    void onChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) StorefrontTokenChanged changed) {
        entries.remove(changed.tokenHash());
    }

    private record Entry(Optional<LiveToken> store, long loadedAt) {
    }
}
