package io.shopgraph.payments.graphql;

import java.util.List;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Type;

import io.shopgraph.payments.api.PaymentsApi;
import io.shopgraph.payments.application.StripeAccounts;
import io.shopgraph.platform.graphql.MutationSupport;
import io.shopgraph.platform.security.MerchantOperation;
import io.shopgraph.platform.security.Scope;
import io.shopgraph.platform.security.SharedOperation;
import io.shopgraph.platform.tenancy.TenantContext;

/** The store's payment provider: public settings for storefronts, the Stripe account for merchants. */
@GraphQLApi
public class PaymentSettingsApi {

    private final PaymentsApi payments;
    private final StripeAccounts accounts;
    private final TenantContext tenant;

    PaymentSettingsApi(PaymentsApi payments, StripeAccounts accounts, TenantContext tenant) {
        this.payments = payments;
        this.accounts = accounts;
        this.tenant = tenant;
    }

    @Query("paymentSettings")
    @SharedOperation
    @NonNull
    @Description("How the store takes payments: the provider, and Stripe's publishable key for Stripe.js.")
    public PaymentSettings paymentSettings() {
        var view = payments.settings();
        return new PaymentSettings(view.provider(), view.publishableKey());
    }

    @Query("stripeAccount")
    @MerchantOperation(Scope.READ_PAYMENT_SETTINGS)
    @Description("Merchant: the store's Stripe account, null when none is connected. Needs the read_payment_settings scope.")
    public StripeAccount stripeAccount() {
        return accounts.account().map(this::of).orElse(null);
    }

    @Mutation("stripeAccountConnect")
    @MerchantOperation(Scope.WRITE_PAYMENT_SETTINGS)
    @NonNull
    @Description("Merchant: connects the store's own Stripe account (or replaces it). New payments then go through Stripe. The "
            + "secrets are stored encrypted and never returned. Needs the write_payment_settings scope.")
    public StripeAccountPayload stripeAccountConnect(
            @NonNull @Name("input") @Description("The account's keys.") StripeAccountConnectInput input) {
        return MutationSupport.run(() -> new StripeAccountPayload(of(accounts.connect(input.publishableKey(), input.secretKey(),
                input.webhookSecret())), List.of()), errors -> new StripeAccountPayload(null, PaymentSettingsUserError.from(errors)));
    }

    @Mutation("stripeAccountUpdate")
    @MerchantOperation(Scope.WRITE_PAYMENT_SETTINGS)
    @NonNull
    @Description("Merchant: rotates the Stripe keys: a new secret or publishable key, a new webhook signing secret added beside "
            + "the old ones (both verify during the rotation), old webhook secrets removed by their hint. Needs the "
            + "write_payment_settings scope.")
    public StripeAccountPayload stripeAccountUpdate(
            @NonNull @Name("input") @Description("What to change; omitted fields stay as they are.") StripeAccountUpdateInput input) {
        return MutationSupport.run(() -> new StripeAccountPayload(of(accounts.update(new StripeAccounts.Change(input.publishableKey(),
                input.secretKey(), input.addWebhookSecret(), input.removeWebhookSecretHints()))), List.of()),
                errors -> new StripeAccountPayload(null, PaymentSettingsUserError.from(errors)));
    }

    @Mutation("stripeAccountDisconnect")
    @MerchantOperation(Scope.WRITE_PAYMENT_SETTINGS)
    @NonNull
    @Description("Merchant: disconnects Stripe and deletes its secrets; new payments use the manual provider. Payments already "
            + "started with Stripe are no longer reconciled. Needs the write_payment_settings scope.")
    public StripeAccountDisconnectPayload stripeAccountDisconnect() {
        return new StripeAccountDisconnectPayload(accounts.disconnect(), List.of());
    }

    private StripeAccount of(StripeAccounts.AccountView view) {
        return StripeAccount.of(view, tenant.requireStore().toString());
    }

    @Input("StripeAccountConnectInput")
    @Description("A store's own Stripe account keys, from Stripe's dashboard.")
    public record StripeAccountConnectInput(
            @NonNull @Description("The publishable key, pk_live_... or pk_test_....") String publishableKey,
            @NonNull @Description("The secret key (sk_...) or a restricted key (rk_...) of the same mode.") String secretKey,
            @NonNull @Description("The signing secret (whsec_...) of the webhook endpoint given by stripeAccount.webhookPath.")
            String webhookSecret) {
    }

    @Input("StripeAccountUpdateInput")
    @Description("A rotation of Stripe keys; omitted fields stay as they are.")
    public record StripeAccountUpdateInput(
            @Description("A new publishable key.") String publishableKey,
            @Description("A new secret key (sk_... or rk_...).") String secretKey,
            @Description("A new webhook signing secret, kept beside the current ones.") String addWebhookSecret,
            @DefaultValue("[]") @Description("Webhook secrets to remove, by their hint (the last four characters as stripeAccount "
                    + "shows them).") List<@NonNull String> removeWebhookSecretHints) {
    }

    @Type("StripeAccountPayload")
    @Description("The Stripe account after a change, or why it was refused.")
    public record StripeAccountPayload(
            @Description("The account, null when refused.") StripeAccount stripeAccount,
            @NonNull @Description("Why the change was refused; empty on success.") List<@NonNull PaymentSettingsUserError> userErrors) {
    }

    @Type("StripeAccountDisconnectPayload")
    @Description("Whether a Stripe account was disconnected.")
    public record StripeAccountDisconnectPayload(
            @NonNull @Description("True when an account was connected and is now gone.") boolean disconnected,
            @NonNull @Description("Always empty: disconnecting cannot fail.") List<@NonNull PaymentSettingsUserError> userErrors) {
    }
}
