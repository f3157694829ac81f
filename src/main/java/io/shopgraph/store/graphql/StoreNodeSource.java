package io.shopgraph.store.graphql;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.shopgraph.platform.graphql.Node;
import io.shopgraph.platform.graphql.NodeSource;
import io.shopgraph.platform.security.Scope;
import io.shopgraph.platform.security.StoreAccess.Audience;
import io.shopgraph.platform.security.StoreAccess;
import io.shopgraph.platform.tenancy.TenantContext;
import io.shopgraph.store.application.ShopReads;
import io.shopgraph.store.application.ShopView;
import io.shopgraph.store.application.StorefrontAccessTokenView;
import io.shopgraph.store.application.StorefrontTokenReads;

/** {@code node(id:)} for the store module's types. */
@ApplicationScoped
public class StoreNodeSource implements NodeSource {

    private final ShopReads shops;
    private final StorefrontTokenReads tokens;
    private final TenantContext tenant;
    private final StoreAccess access;

    StoreNodeSource(ShopReads shops, StorefrontTokenReads tokens, TenantContext tenant, StoreAccess access) {
        this.shops = shops;
        this.tokens = tokens;
        this.tenant = tenant;
        this.access = access;
    }

    @Override
    public Set<String> types() {
        return Set.of(ShopView.TYPE, StorefrontAccessTokenView.TYPE);
    }

    @Override
    public Map<UUID, Node> load(String type, Collection<UUID> ids, Audience audience) {
        Map<UUID, Node> found = new HashMap<>();
        if (type.equals(ShopView.TYPE)) {
            found.putAll(shops.visible(ids, tenant.requireStore()));
        } else if (audience == Audience.MERCHANT && access.merchant().filter(g -> g.allows(Scope.READ_SETTINGS)).isPresent()) {
            found.putAll(tokens.byIds(ids));
        }
        return found;
    }
}
