package io.shopgraph.platform.security;

import java.util.Set;

import io.shopgraph.platform.kernel.StoreId;

/** What a merchant principal may do in the one store it acts for in this request. */
public record MerchantGrant(StoreId store, String actor, Set<Scope> scopes) {

    public MerchantGrant {
        scopes = Set.copyOf(scopes);
    }

    public boolean allows(Scope scope) {
        return scopes.contains(scope);
    }
}
