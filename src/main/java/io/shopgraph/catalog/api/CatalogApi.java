package io.shopgraph.catalog.api;

import java.util.Map;
import java.util.UUID;

/** What downstream modules may tell the catalog. Batch-friendly; runs in the caller's transaction. */
public interface CatalogApi {

    /** Records whether each product has a variant for sale, so storefront lists can filter on it. */
    void productAvailabilityChanged(Map<UUID, Boolean> availableByProduct);
}
