package io.shopgraph.store.api;

import java.util.Map;
import java.util.Set;

import io.shopgraph.platform.kernel.StoreId;

/** What other modules may ask of the store module. Batch-friendly by design. */
public interface StoreApi {

    /** Settings of the given stores that other modules need (currency, tax mode), by id. */
    Map<StoreId, StoreSettings> settings(Set<StoreId> stores);

    /** The store's name, contact email and locale, when it exists (one statement). */
    java.util.Optional<StoreContact> contact(StoreId store);

    /** The store with this handle, if any (used by seeders and loaders that address a store by handle). */
    java.util.Optional<StoreId> storeByHandle(String handle);
}
