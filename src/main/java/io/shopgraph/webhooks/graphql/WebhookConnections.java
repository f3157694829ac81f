package io.shopgraph.webhooks.graphql;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.shopgraph.platform.graphql.Page;
import io.shopgraph.platform.graphql.PageInfo;
import io.shopgraph.webhooks.application.WebhookDeliveryView;
import io.shopgraph.webhooks.application.WebhookSubscriptionView;
import io.shopgraph.webhooks.application.WebhookSubscriptions;

/** The Relay connections of the webhooks module. */
final class WebhookConnections {

    private WebhookConnections() {
    }

    @Type("WebhookSubscriptionConnection")
    @Description("A page of webhook subscriptions, oldest first.")
    public record WebhookSubscriptionConnection(
            @NonNull @Description("The subscriptions of this page with their cursors.") List<@NonNull WebhookSubscriptionEdge> edges,
            @NonNull @Description("The subscriptions of this page.") List<@NonNull WebhookSubscriptionView> nodes,
            @NonNull @Description("Where this page sits in the whole list.") PageInfo pageInfo) {

        static WebhookSubscriptionConnection of(Page<WebhookSubscriptionView> page) {
            List<WebhookSubscriptionEdge> edges = page.items().stream()
                    .map(s -> new WebhookSubscriptionEdge(WebhookSubscriptions.cursorOf(s.id()), s)).toList();
            return new WebhookSubscriptionConnection(edges, page.items(), info(page, edges.stream().map(WebhookSubscriptionEdge::cursor).toList()));
        }
    }

    @Type("WebhookSubscriptionEdge")
    @Description("A webhook subscription and its cursor.")
    public record WebhookSubscriptionEdge(
            @NonNull @Description("The cursor to pass as after/before.") String cursor,
            @NonNull @Description("The subscription.") WebhookSubscriptionView node) {
    }

    @Type("WebhookDeliveryConnection")
    @Description("A page of webhook deliveries, newest first.")
    public record WebhookDeliveryConnection(
            @NonNull @Description("The deliveries of this page with their cursors.") List<@NonNull WebhookDeliveryEdge> edges,
            @NonNull @Description("The deliveries of this page.") List<@NonNull WebhookDeliveryView> nodes,
            @NonNull @Description("Where this page sits in the whole list.") PageInfo pageInfo) {

        static WebhookDeliveryConnection of(Page<WebhookDeliveryView> page) {
            List<WebhookDeliveryEdge> edges = page.items().stream()
                    .map(d -> new WebhookDeliveryEdge(WebhookSubscriptions.cursorOf(d.id()), d)).toList();
            return new WebhookDeliveryConnection(edges, page.items(), info(page, edges.stream().map(WebhookDeliveryEdge::cursor).toList()));
        }
    }

    @Type("WebhookDeliveryEdge")
    @Description("A webhook delivery and its cursor.")
    public record WebhookDeliveryEdge(
            @NonNull @Description("The cursor to pass as after/before.") String cursor,
            @NonNull @Description("The delivery.") WebhookDeliveryView node) {
    }

    private static PageInfo info(Page<?> page, List<String> cursors) {
        return new PageInfo(page.hasNextPage(), page.hasPreviousPage(), cursors.isEmpty() ? null : cursors.get(0),
                cursors.isEmpty() ? null : cursors.get(cursors.size() - 1));
    }
}
