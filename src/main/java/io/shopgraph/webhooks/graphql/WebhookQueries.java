package io.shopgraph.webhooks.graphql;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import io.shopgraph.platform.graphql.PageRequest;
import io.shopgraph.platform.kernel.GlobalId;
import io.shopgraph.platform.security.MerchantOperation;
import io.shopgraph.platform.security.Scope;
import io.shopgraph.platform.security.StoreAccess;
import io.shopgraph.webhooks.application.WebhookSubscriptionView;
import io.shopgraph.webhooks.application.WebhookSubscriptions;
import io.shopgraph.webhooks.graphql.WebhookConnections.WebhookDeliveryConnection;
import io.shopgraph.webhooks.graphql.WebhookConnections.WebhookSubscriptionConnection;

@GraphQLApi
public class WebhookQueries {

    private final WebhookSubscriptions subscriptions;
    private final StoreAccess access;

    WebhookQueries(WebhookSubscriptions subscriptions, StoreAccess access) {
        this.subscriptions = subscriptions;
        this.access = access;
    }

    @Query("webhookSubscriptions")
    @MerchantOperation(Scope.READ_WEBHOOKS)
    @NonNull
    @Description("Merchant: the store's webhook subscriptions, oldest first (a partner app sees its own only). Needs the "
            + "read_webhooks scope.")
    public WebhookSubscriptionConnection webhookSubscriptions(
            @Name("first") @Description("How many to return after `after` (at most 100, default 20).") Integer first,
            @Name("after") @Description("Return subscriptions after this cursor.") String after,
            @Name("last") @Description("How many to return before `before` (at most 100).") Integer last,
            @Name("before") @Description("Return subscriptions before this cursor.") String before) {
        return WebhookSubscriptionConnection.of(subscriptions.page(access.requireMerchant(Scope.READ_WEBHOOKS),
                PageRequest.of(first, after, last, before)));
    }

    @Query("webhookDeliveries")
    @MerchantOperation(Scope.READ_WEBHOOKS)
    @NonNull
    @Description("Merchant: a subscription's deliveries, newest first, each with every attempt (status code, latency, error). "
            + "Empty for an unknown subscription. Needs the read_webhooks scope.")
    public WebhookDeliveryConnection webhookDeliveries(
            @NonNull @Id @Name("subscriptionId") @Description("The subscription's global id.") String subscriptionId,
            @Name("first") @Description("How many to return after `after` (at most 100, default 20).") Integer first,
            @Name("after") @Description("Return deliveries after this cursor.") String after,
            @Name("last") @Description("How many to return before `before` (at most 100).") Integer last,
            @Name("before") @Description("Return deliveries before this cursor.") String before) {
        PageRequest request = PageRequest.of(first, after, last, before);
        var caller = access.requireMerchant(Scope.READ_WEBHOOKS);
        return WebhookDeliveryConnection.of(GlobalId.parse(subscriptionId, WebhookSubscriptionView.TYPE)
                .map(id -> subscriptions.deliveries(caller, id, request))
                .orElseGet(() -> io.shopgraph.platform.graphql.Page.of(java.util.List.of(), request)));
    }
}
