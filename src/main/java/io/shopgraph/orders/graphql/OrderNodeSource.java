package io.shopgraph.orders.graphql;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.shopgraph.orders.application.OrderReads;
import io.shopgraph.orders.api.OrderViews;
import io.shopgraph.platform.graphql.Node;
import io.shopgraph.platform.graphql.NodeSource;
import io.shopgraph.platform.security.Scope;
import io.shopgraph.platform.security.StoreAccess;
import io.shopgraph.platform.security.StoreAccess.Audience;

/** {@code node(id:)} for orders: merchants holding read_orders only (guests use their order token). */
@ApplicationScoped
public class OrderNodeSource implements NodeSource {

    private final OrderReads reads;
    private final StoreAccess access;

    OrderNodeSource(OrderReads reads, StoreAccess access) {
        this.reads = reads;
        this.access = access;
    }

    @Override
    public Set<String> types() {
        return Set.of(OrderViews.ORDER);
    }

    @Override
    public Map<UUID, Node> load(String type, Collection<UUID> ids, Audience audience) {
        Map<UUID, Node> found = new HashMap<>();
        if (audience == Audience.MERCHANT && access.merchant().filter(g -> g.allows(Scope.READ_ORDERS)).isPresent()) {
            found.putAll(reads.byIds(ids));
        }
        return found;
    }
}
