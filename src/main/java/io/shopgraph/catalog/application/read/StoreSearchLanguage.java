package io.shopgraph.catalog.application.read;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.shopgraph.platform.kernel.StoreId;
import io.shopgraph.store.api.StoreApi;
import io.shopgraph.store.api.StoreSettings;

/**
 * The language a store's search stems query words in: its default locale. Searches are frequent and the
 * default locale changes rarely, so each instance remembers it for {@link #TTL_MILLIS}: a change of the
 * default locale reaches the stemming of queries within a minute (the stored documents are
 * language-neutral, so nothing needs re-indexing). Bounded: the memo is dropped when it grows past
 * {@link #MAX_STORES}.
 */
@ApplicationScoped
public class StoreSearchLanguage {

    static final long TTL_MILLIS = 60_000;
    static final int MAX_STORES = 50_000;

    private record Entry(String locale, long until) {
    }

    private final StoreApi stores;
    private final Map<StoreId, Entry> memo = new ConcurrentHashMap<>();

    StoreSearchLanguage(StoreApi stores) {
        this.stores = stores;
    }

    /** The store's default locale (e.g. "en", "fr-CA"); "en" when the store has none. */
    public String of(StoreId store) {
        long now = System.currentTimeMillis();
        Entry entry = memo.get(store);
        if (entry == null || entry.until() < now) {
            StoreSettings settings = stores.settings(Set.of(store)).get(store);
            String locale = settings == null || settings.defaultLocale() == null ? "en" : settings.defaultLocale();
            if (memo.size() >= MAX_STORES) {
                memo.clear();
            }
            entry = new Entry(locale, now + TTL_MILLIS);
            memo.put(store, entry);
        }
        return entry.locale();
    }
}
