package io.shopgraph.webhooks.graphql;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.shopgraph.platform.graphql.Node;
import io.shopgraph.platform.graphql.NodeSource;
import io.shopgraph.platform.security.Scope;
import io.shopgraph.platform.security.StoreAccess;
import io.shopgraph.platform.security.StoreAccess.Audience;
import io.shopgraph.webhooks.application.WebhookSubscriptionView;
import io.shopgraph.webhooks.application.WebhookSubscriptions;

/** {@code node(id:)} for webhook subscriptions: merchants holding read_webhooks only. */
@ApplicationScoped
public class WebhookNodeSource implements NodeSource {

    private final WebhookSubscriptions subscriptions;
    private final StoreAccess access;

    WebhookNodeSource(WebhookSubscriptions subscriptions, StoreAccess access) {
        this.subscriptions = subscriptions;
        this.access = access;
    }

    @Override
    public Set<String> types() {
        return Set.of(WebhookSubscriptionView.TYPE);
    }

    @Override
    public Map<UUID, Node> load(String type, Collection<UUID> ids, Audience audience) {
        Map<UUID, Node> found = new HashMap<>();
        if (audience == Audience.MERCHANT) {
            access.merchant().filter(g -> g.allows(Scope.READ_WEBHOOKS)).ifPresent(g -> found.putAll(subscriptions.byIds(g, ids)));
        }
        return found;
    }
}
