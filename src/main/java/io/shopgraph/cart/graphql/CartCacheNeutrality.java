package io.shopgraph.cart.graphql;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.shopgraph.platform.cache.CacheNeutralMutations;

/** Cart and session mutations change nothing a cached storefront answer is made of: they must not flush it. */
@ApplicationScoped
public class CartCacheNeutrality implements CacheNeutralMutations {

    @Override
    public Set<String> mutations() {
        return Set.of("cartCreate", "cartLinesAdd", "cartLinesUpdate", "cartLinesRemove", "cartNoteUpdate", "cartAttributesUpdate",
                "cartBuyerIdentityUpdate", "sessionStart", "sessionEventRecord");
    }
}
