package io.shopgraph.platform.cache;

import java.util.Set;

/**
 * A module's declaration of mutations that change nothing a cached storefront answer is made of (carts,
 * sessions). A document made only of such mutations does not flush the store's storefront cache, so
 * shoppers filling carts do not empty the catalog cache for everyone. The module also keeps its tables
 * out of the schemas whose writes invalidate ({@link LocalWrites}) and gives them no notify trigger.
 */
public interface CacheNeutralMutations {

    /** Root mutation field names. */
    Set<String> mutations();
}
