package io.shopgraph.webhooks.application;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.shopgraph.platform.graphql.Node;
import io.shopgraph.platform.kernel.GlobalId;
import io.shopgraph.webhooks.domain.WebhookSubscriptionStatus;
import io.shopgraph.webhooks.domain.WebhookTopic;

@Type("WebhookSubscription")
@Description("Where and what the store's events are sent as signed HTTPS POST requests. The secret is shown only when the "
        + "subscription is created or its secret rotated.")
public record WebhookSubscriptionView(
        @Id @NonNull @Description("The subscription's global id.") String id,
        @NonNull @Description("The events it receives.") WebhookTopic topic,
        @NonNull @Description("The HTTPS endpoint deliveries are posted to.") String callbackUrl,
        @NonNull @Description("Whether it receives new events.") WebhookSubscriptionStatus status,
        @Description("Why it is failing (the last failed delivery's outcome); null when active.") String failureReason,
        @Description("Since when it is failing; null when active.") Instant failingSince,
        @Description("The client id of the partner app that owns it; null for the store's own subscriptions.") String appClientId,
        @Description("Until when deliveries are also signed with the previous secret (after a rotation); null when not.")
        Instant previousSecretExpiresAt,
        @NonNull @Description("When it was created.") Instant createdAt,
        @NonNull @Description("When it was last changed.") Instant updatedAt) implements Node {

    public static final String TYPE = "WebhookSubscription";

    public UUID uuid() {
        return GlobalId.parse(id, TYPE).orElseThrow();
    }
}
