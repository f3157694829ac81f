package io.shopgraph.webhooks.application;

/** A subscription with its secret in clear, returned once (create, rotate). */
public record CreatedWebhookSubscription(WebhookSubscriptionView subscription, String secret) {
}
