package io.shopgraph.webhooks.domain;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("WebhookDeliveryStatus")
@Description("Where a webhook delivery stands.")
public enum WebhookDeliveryStatus {
    @Description("Not yet accepted by the endpoint; it will be tried (again) at nextAttemptAt.")
    PENDING,
    @Description("The endpoint answered with a 2xx status.")
    DELIVERED,
    @Description("Given up after the retry period; it can be replayed.")
    FAILED
}
