package io.shopgraph.webhooks.graphql;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import io.shopgraph.platform.errors.DomainException;
import io.shopgraph.platform.graphql.MutationSupport;
import io.shopgraph.platform.kernel.GlobalId;
import io.shopgraph.platform.security.MerchantOperation;
import io.shopgraph.platform.security.Scope;
import io.shopgraph.platform.security.StoreAccess;
import io.shopgraph.webhooks.application.WebhookDeliveryErrorCode;
import io.shopgraph.webhooks.application.WebhookDeliveryView;
import io.shopgraph.webhooks.application.WebhookSubscriptionErrorCode;
import io.shopgraph.webhooks.application.WebhookSubscriptionView;
import io.shopgraph.webhooks.application.WebhookSubscriptions;
import io.shopgraph.webhooks.application.WebhooksConfig;
import io.shopgraph.webhooks.domain.WebhookTopic;

@GraphQLApi
public class WebhookMutations {

    private final WebhookSubscriptions subscriptions;
    private final StoreAccess access;
    private final WebhooksConfig config;

    WebhookMutations(WebhookSubscriptions subscriptions, StoreAccess access, WebhooksConfig config) {
        this.subscriptions = subscriptions;
        this.access = access;
        this.config = config;
    }

    @Mutation("webhookSubscriptionCreate")
    @MerchantOperation(Scope.WRITE_WEBHOOKS)
    @NonNull
    @Description("Merchant: subscribes an HTTPS endpoint to a topic. The signing secret is in the payload's secret, this once "
            + "only. Needs the write_webhooks scope and the read scope of the topic's resource; a partner app's subscription "
            + "belongs to the app.")
    public WebhookSubscriptionCreatePayload webhookSubscriptionCreate(
            @NonNull @Name("input") @Description("The subscription to create.") WebhookSubscriptionCreateInput input) {
        var caller = access.requireMerchant(Scope.WRITE_WEBHOOKS);
        return MutationSupport.run(() -> {
            var created = subscriptions.create(caller, input.topic(), input.callbackUrl());
            return new WebhookSubscriptionCreatePayload(created.subscription(), created.secret(), List.of());
        }, errors -> new WebhookSubscriptionCreatePayload(null, null, WebhookSubscriptionUserError.from(errors)));
    }

    @Mutation("webhookSubscriptionUpdate")
    @MerchantOperation(Scope.WRITE_WEBHOOKS)
    @NonNull
    @Description("Merchant: changes a subscription's endpoint. A failing subscription becomes active again. Needs the "
            + "write_webhooks scope.")
    public WebhookSubscriptionUpdatePayload webhookSubscriptionUpdate(
            @NonNull @Id @Name("id") @Description("The subscription's global id.") String id,
            @NonNull @Name("input") @Description("What to change.") WebhookSubscriptionUpdateInput input) {
        var caller = access.requireMerchant(Scope.WRITE_WEBHOOKS);
        return MutationSupport.run(() -> new WebhookSubscriptionUpdatePayload(
                subscriptions.update(caller, subscriptionId(id), input.callbackUrl()), List.of()),
                errors -> new WebhookSubscriptionUpdatePayload(null, WebhookSubscriptionUserError.from(errors)));
    }

    @Mutation("webhookSubscriptionDelete")
    @MerchantOperation(Scope.WRITE_WEBHOOKS)
    @NonNull
    @Description("Merchant: deletes a subscription and its delivery history. Needs the write_webhooks scope.")
    public WebhookSubscriptionDeletePayload webhookSubscriptionDelete(
            @NonNull @Id @Name("id") @Description("The subscription's global id.") String id) {
        var caller = access.requireMerchant(Scope.WRITE_WEBHOOKS);
        return MutationSupport.run(() -> new WebhookSubscriptionDeletePayload(
                GlobalId.format(WebhookSubscriptionView.TYPE, subscriptions.delete(caller, subscriptionId(id))), List.of()),
                errors -> new WebhookSubscriptionDeletePayload(null, WebhookSubscriptionUserError.from(errors)));
    }

    @Mutation("webhookSubscriptionRotateSecret")
    @MerchantOperation(Scope.WRITE_WEBHOOKS)
    @NonNull
    @Description("Merchant: gives a subscription a new signing secret, shown in the payload this once only. For overlapSeconds "
            + "(default 86400) deliveries carry a signature with the old secret too. Needs the write_webhooks scope.")
    public WebhookSubscriptionRotateSecretPayload webhookSubscriptionRotateSecret(
            @NonNull @Id @Name("id") @Description("The subscription's global id.") String id,
            @Name("overlapSeconds") @Description("How long the previous secret stays valid; 0 ends it now. At most 7 days.") Integer overlapSeconds) {
        var caller = access.requireMerchant(Scope.WRITE_WEBHOOKS);
        Duration overlap = overlapSeconds == null ? config.rotationOverlap() : Duration.ofSeconds(overlapSeconds);
        return MutationSupport.run(() -> {
            var rotated = subscriptions.rotateSecret(caller, subscriptionId(id), overlap);
            return new WebhookSubscriptionRotateSecretPayload(rotated.subscription(), rotated.secret(), List.of());
        }, errors -> new WebhookSubscriptionRotateSecretPayload(null, null, WebhookSubscriptionUserError.from(errors)));
    }

    @Mutation("webhookDeliveryReplay")
    @MerchantOperation(Scope.WRITE_WEBHOOKS)
    @NonNull
    @Description("Merchant: sends a delivery's event again (same event id and body, header X-ShopGraph-Replay: true), as a new "
            + "delivery. Needs the write_webhooks scope.")
    public WebhookDeliveryReplayPayload webhookDeliveryReplay(
            @NonNull @Id @Name("id") @Description("The delivery's global id.") String id) {
        var caller = access.requireMerchant(Scope.WRITE_WEBHOOKS);
        return MutationSupport.run(() -> {
            UUID delivery = GlobalId.parse(id, WebhookDeliveryView.TYPE).orElseThrow(() -> new DomainException(
                    WebhookDeliveryErrorCode.NOT_FOUND, List.of("id"), "No webhook delivery has this id."));
            return new WebhookDeliveryReplayPayload(subscriptions.replay(caller, delivery), List.of());
        }, errors -> new WebhookDeliveryReplayPayload(null, WebhookDeliveryUserError.from(errors)));
    }

    private static UUID subscriptionId(String id) {
        return GlobalId.parse(id, WebhookSubscriptionView.TYPE).orElseThrow(() -> new DomainException(
                WebhookSubscriptionErrorCode.NOT_FOUND, List.of("id"), "No webhook subscription has this id."));
    }

    @Input("WebhookSubscriptionCreateInput")
    @Description("A webhook subscription to create.")
    public record WebhookSubscriptionCreateInput(
            @NonNull @Description("The events to receive.") WebhookTopic topic,
            @NonNull @Description("The endpoint: an https URL of a public host (no redirects are followed).") String callbackUrl) {
    }

    @Input("WebhookSubscriptionUpdateInput")
    @Description("Changes to a webhook subscription.")
    public record WebhookSubscriptionUpdateInput(
            @Description("The new endpoint; unchanged when null.") String callbackUrl) {
    }

    @Name("WebhookSubscriptionCreatePayload")
    @Description("The result of webhookSubscriptionCreate.")
    public record WebhookSubscriptionCreatePayload(
            @Description("The new subscription; null when the mutation failed.") WebhookSubscriptionView webhookSubscription,
            @Description("The secret deliveries are signed with (HMAC-SHA256). Shown only in this answer: store it now.") String secret,
            @NonNull @Description("What went wrong; empty on success.") List<@NonNull WebhookSubscriptionUserError> userErrors) {
    }

    @Name("WebhookSubscriptionUpdatePayload")
    @Description("The result of webhookSubscriptionUpdate.")
    public record WebhookSubscriptionUpdatePayload(
            @Description("The changed subscription; null when the mutation failed.") WebhookSubscriptionView webhookSubscription,
            @NonNull @Description("What went wrong; empty on success.") List<@NonNull WebhookSubscriptionUserError> userErrors) {
    }

    @Name("WebhookSubscriptionDeletePayload")
    @Description("The result of webhookSubscriptionDelete.")
    public record WebhookSubscriptionDeletePayload(
            @Id @Description("The deleted subscription's id; null when the mutation failed.") String deletedWebhookSubscriptionId,
            @NonNull @Description("What went wrong; empty on success.") List<@NonNull WebhookSubscriptionUserError> userErrors) {
    }

    @Name("WebhookSubscriptionRotateSecretPayload")
    @Description("The result of webhookSubscriptionRotateSecret.")
    public record WebhookSubscriptionRotateSecretPayload(
            @Description("The subscription; null when the mutation failed.") WebhookSubscriptionView webhookSubscription,
            @Description("The new secret. Shown only in this answer: store it now.") String secret,
            @NonNull @Description("What went wrong; empty on success.") List<@NonNull WebhookSubscriptionUserError> userErrors) {
    }

    @Name("WebhookDeliveryReplayPayload")
    @Description("The result of webhookDeliveryReplay.")
    public record WebhookDeliveryReplayPayload(
            @Description("The new delivery; null when the mutation failed.") WebhookDeliveryView webhookDelivery,
            @NonNull @Description("What went wrong; empty on success.") List<@NonNull WebhookDeliveryUserError> userErrors) {
    }
}
