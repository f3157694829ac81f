package io.shopgraph.checkout.graphql;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.shopgraph.checkout.application.discount.Discounts;
import io.shopgraph.platform.graphql.Node;
import io.shopgraph.platform.graphql.NodeSource;
import io.shopgraph.platform.kernel.GlobalId;
import io.shopgraph.platform.security.Scope;
import io.shopgraph.platform.security.StoreAccess;
import io.shopgraph.platform.security.StoreAccess.Audience;

/** {@code node(id:)} for checkout's types: discounts, for merchants holding read_discounts only. */
@ApplicationScoped
public class CheckoutNodeSource implements NodeSource {

    private final Discounts discounts;
    private final DiscountQueries queries;
    private final StoreAccess access;

    CheckoutNodeSource(Discounts discounts, DiscountQueries queries, StoreAccess access) {
        this.discounts = discounts;
        this.queries = queries;
        this.access = access;
    }

    @Override
    public Set<String> types() {
        return Set.of(DiscountView.TYPE);
    }

    @Override
    public Map<UUID, Node> load(String type, Collection<UUID> ids, Audience audience) {
        Map<UUID, Node> found = new HashMap<>();
        if (audience == Audience.MERCHANT && access.merchant().filter(g -> g.allows(Scope.READ_DISCOUNTS)).isPresent()) {
            for (DiscountView view : queries.views(discounts.byIds(ids))) {
                found.put(GlobalId.parse(view.id(), DiscountView.TYPE).orElseThrow(), view);
            }
        }
        return found;
    }
}
