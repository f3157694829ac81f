package io.shopgraph.webhooks.application;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("WebhookDeliveryErrorCode")
@Description("Why a webhook delivery mutation failed.")
public enum WebhookDeliveryErrorCode {
    @Description("No delivery with this id exists in this store (or it belongs to another app's subscription).")
    NOT_FOUND
}
