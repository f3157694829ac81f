package io.shopgraph.notifications.application;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.shopgraph.notifications.domain.NotificationKind;
import io.shopgraph.notifications.domain.NotificationStatus;

@Type("OrderNotification")
@Description("A mail an order sent or is sending, as the merchant sees it.")
public record OrderNotificationView(
        @Id @NonNull @Description("The notification's global id.") String id,
        @NonNull @Description("Which mail.") NotificationKind kind,
        @NonNull @Description("Where it goes.") String recipient,
        @NonNull @Description("Where it is.") NotificationStatus status,
        @NonNull @Description("Attempts made so far.") int attempts,
        @Description("Why the last attempt failed; null after a success or before any attempt.") String lastError,
        @NonNull @Description("The mail's subject.") String subject,
        @NonNull @Description("The template it was rendered from (kind and locale), e.g. order-confirmation.fr.") String template,
        @NonNull @Description("Whether a merchant's resend queued it.") boolean resend,
        @NonNull @Description("When it was queued.") Instant createdAt,
        @Description("When the mail server accepted it.") Instant sentAt,
        @Ignore UUID orderId) {

    public static final String TYPE = "OrderNotification";
}
