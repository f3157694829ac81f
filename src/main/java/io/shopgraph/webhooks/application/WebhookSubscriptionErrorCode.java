package io.shopgraph.webhooks.application;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("WebhookSubscriptionErrorCode")
@Description("Why a webhook subscription mutation failed.")
public enum WebhookSubscriptionErrorCode {
    @Description("The callback URL is not an https URL of a public host (private, loopback, link-local, metadata and "
            + "unusually spelled IP addresses are refused).")
    INVALID_CALLBACK_URL,
    @Description("The caller lacks the read scope of the topic's resource (e.g. read_customers for CUSTOMERS_CREATE).")
    MISSING_SCOPE,
    @Description("No subscription with this id exists in this store (or it belongs to another app).")
    NOT_FOUND,
    @Description("The store already has as many subscriptions as allowed.")
    TOO_MANY_SUBSCRIPTIONS,
    @Description("The overlap window is negative or longer than allowed.")
    INVALID_OVERLAP
}
