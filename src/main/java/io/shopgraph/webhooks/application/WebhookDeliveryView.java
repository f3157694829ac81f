package io.shopgraph.webhooks.application;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.shopgraph.webhooks.domain.WebhookDeliveryStatus;
import io.shopgraph.webhooks.domain.WebhookTopic;

@Type("WebhookDelivery")
@Description("One event sent (or being sent) to one subscription, with every attempt.")
public record WebhookDeliveryView(
        @Id @NonNull @Description("The delivery's global id (also sent as X-ShopGraph-Delivery-Id).") String id,
        @Id @NonNull @Description("The subscription it was sent to.") String subscriptionId,
        @NonNull @Description("The event's id (X-ShopGraph-Event-Id and the payload's id): the same for a replay.") String eventId,
        @NonNull @Description("The event's topic.") WebhookTopic topic,
        @NonNull @Description("Where the delivery stands.") WebhookDeliveryStatus status,
        @Id @Description("The delivery this one replays; null when it is the original.") String replayOf,
        @NonNull @Description("When it was created.") Instant createdAt,
        @Description("When it will be tried next; null unless pending.") Instant nextAttemptAt,
        @Description("When the endpoint accepted it; null until then.") Instant deliveredAt,
        @NonNull @Description("Every attempt so far, oldest first.") List<@NonNull WebhookDeliveryAttemptView> attempts) {

    public static final String TYPE = "WebhookDelivery";
}
