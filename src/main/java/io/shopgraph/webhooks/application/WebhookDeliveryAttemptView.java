package io.shopgraph.webhooks.application;

import java.time.Instant;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("WebhookDeliveryAttempt")
@Description("One POST of a delivery to its endpoint.")
public record WebhookDeliveryAttemptView(
        @NonNull @Description("1 for the first attempt.") int number,
        @NonNull @Description("When it was made.") Instant attemptedAt,
        @Description("The HTTP status the endpoint answered; null when there was no answer (refused target, timeout, "
                + "connection error).") Integer statusCode,
        @NonNull @Description("Milliseconds from sending to the answer (or the failure).") int latencyMs,
        @Description("Why it failed when there was no 2xx answer; null on success.") String error) {
}
