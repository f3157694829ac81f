package io.shopgraph.webhooks.domain;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("WebhookSubscriptionStatus")
@Description("Whether a webhook subscription receives new events.")
public enum WebhookSubscriptionStatus {
    @Description("Receives new events.")
    ACTIVE,
    @Description("A delivery kept failing for the whole retry period: no new events are sent until the subscription is updated "
            + "(or a replayed delivery succeeds). failureReason says why.")
    FAILING
}
