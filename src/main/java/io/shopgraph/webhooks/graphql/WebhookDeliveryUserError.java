package io.shopgraph.webhooks.graphql;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.shopgraph.platform.errors.UserErrorDetail;
import io.shopgraph.webhooks.application.WebhookDeliveryErrorCode;

@Type("WebhookDeliveryUserError")
@Description("Why a webhook delivery mutation failed.")
public record WebhookDeliveryUserError(
        @NonNull @Description("The path to the input field at fault; empty when no single field is.") List<@NonNull String> field,
        @NonNull @Description("What went wrong, as a stable code.") WebhookDeliveryErrorCode code,
        @NonNull @Description("What went wrong, for people.") String message) {

    static List<WebhookDeliveryUserError> from(List<UserErrorDetail> errors) {
        return errors.stream().map(e -> new WebhookDeliveryUserError(e.field(), (WebhookDeliveryErrorCode) e.code(), e.message())).toList();
    }
}
