package io.shopgraph.payments.graphql;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.shopgraph.payments.application.StripeAccounts.AccountView;

@Type("StripeAccount")
@Description("The store's own Stripe account. Secrets are stored encrypted and never returned: only their last four characters.")
public record StripeAccount(
        @NonNull @Description("The publishable key (pk_...).") String publishableKey,
        @NonNull @Description("The last four characters of the secret key, to tell keys apart.") String secretKeyHint,
        @NonNull @Description("The last four characters of each webhook signing secret in use (several during a rotation).")
        List<@NonNull String> webhookSecretHints,
        @NonNull @Description("The path of this store's Stripe webhook endpoint, to enter in Stripe's dashboard after this server's "
                + "address. Subscribe it to payment_intent.*, charge.refunded and charge.dispute.* events.") String webhookPath,
        @NonNull @Description("When the account was connected.") OffsetDateTime connectedAt,
        @NonNull @Description("When keys or secrets last changed.") OffsetDateTime updatedAt) {

    static StripeAccount of(AccountView view, String store) {
        return new StripeAccount(view.publishableKey(), view.secretKeyHint(), view.webhookSecretHints(), "/webhooks/stripe/" + store,
                view.connectedAt().atOffset(ZoneOffset.UTC), view.updatedAt().atOffset(ZoneOffset.UTC));
    }
}
