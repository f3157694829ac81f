package io.shopgraph.webhooks.graphql;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.shopgraph.platform.errors.UserErrorDetail;
import io.shopgraph.webhooks.application.WebhookSubscriptionErrorCode;

@Type("WebhookSubscriptionUserError")
@Description("Why a webhook subscription mutation failed.")
public record WebhookSubscriptionUserError(
        @NonNull @Description("The path to the input field at fault; empty when no single field is.") List<@NonNull String> field,
        @NonNull @Description("What went wrong, as a stable code.") WebhookSubscriptionErrorCode code,
        @NonNull @Description("What went wrong, for people.") String message) {

    static List<WebhookSubscriptionUserError> from(List<UserErrorDetail> errors) {
        return errors.stream().map(e -> new WebhookSubscriptionUserError(e.field(), (WebhookSubscriptionErrorCode) e.code(), e.message()))
                .toList();
    }
}
