package io.shopgraph.store.graphql;

import java.util.List;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import io.shopgraph.platform.graphql.MutationSupport;
import io.shopgraph.platform.security.MerchantOperation;
import io.shopgraph.platform.security.PlatformOperation;
import io.shopgraph.platform.security.Scope;
import io.shopgraph.store.application.ShopSettingsChange;
import io.shopgraph.store.application.ShopSettingsCommands;
import io.shopgraph.store.application.ShopView;
import io.shopgraph.store.application.StoreCommands;

/** Platform operators create stores; merchants change their store's settings. */
@GraphQLApi
public class StoreMutations {

    private final StoreCommands commands;
    private final ShopSettingsCommands settings;

    StoreMutations(StoreCommands commands, ShopSettingsCommands settings) {
        this.commands = commands;
        this.settings = settings;
    }

    @Mutation("shopUpdate")
    @MerchantOperation(Scope.WRITE_SETTINGS)
    @NonNull
    @Description("Merchant: changes the store's settings: name, contact email, default and enabled locales, policies. "
            + "Omitted fields stay as they are. Needs the write_settings scope.")
    public ShopUpdatePayload shopUpdate(@NonNull @Name("input") @Description("The settings to change.") ShopUpdateInput input) {
        return MutationSupport.run(() -> {
            ShopPoliciesInput p = input.policies() == null ? new ShopPoliciesInput(null, null, null, null) : input.policies();
            return new ShopUpdatePayload(settings.update(new ShopSettingsChange(input.name(), input.contactEmail(),
                    input.defaultLocale(), input.enabledLocales(), p.refund(), p.privacy(), p.shipping(), p.termsOfService())),
                    List.of());
        }, errors -> new ShopUpdatePayload(null, StoreUserError.from(errors)));
    }

    @Input("ShopUpdateInput")
    @Description("Store settings to change; omitted fields stay as they are.")
    public record ShopUpdateInput(
            @Description("The display name, 1 to 255 characters.") String name,
            @Description("The address customers may write to; an empty string clears it.") String contactEmail,
            @Description("The locale the catalogue's base texts are written in (en, fr-CA). Changing it does not translate "
                    + "anything: the base texts are simply declared to be in this locale.") String defaultLocale,
            @Description("The other locales the storefront offers, at most 20; replaces the list. The default locale is "
                    + "always offered.") List<String> enabledLocales,
            @Description("Policy texts to change.") ShopPoliciesInput policies) {
    }

    @Input("ShopPoliciesInput")
    @Description("Policy texts (plain text, at most 65,535 characters each); omitted ones stay as they are, an empty "
            + "string clears one.")
    public record ShopPoliciesInput(
            @Description("Refunds and returns.") String refund,
            @Description("Privacy.") String privacy,
            @Description("Shipping.") String shipping,
            @Description("Terms of service.") String termsOfService) {
    }

    @Name("ShopUpdatePayload")
    @Description("The result of shopUpdate.")
    public record ShopUpdatePayload(
            @Description("The store after the change; null when the mutation failed.") ShopView shop,
            @NonNull @Description("What went wrong; empty on success.") List<@NonNull StoreUserError> userErrors) {
    }

    @Mutation("storeCreate")
    @PlatformOperation
    @NonNull
    @Description("Platform operator: creates a store with its OWNER and a first storefront access token (shown only "
            + "in this answer). Needs the platform-operator role in the bearer token's groups claim.")
    public StoreCreatePayload storeCreate(@NonNull @Name("input") @Description("The store to create.") StoreCreateInput input) {
        return MutationSupport.run(() -> {
            var created = commands.createForOperator(input.name(), input.handle(), input.currencyCode(), input.countryCode(),
                    input.pricesIncludeTax(), input.timezone(), input.ownerIssuer(), input.ownerSubject());
            return new StoreCreatePayload(created.shop(), created.storefrontAccessToken(), List.of());
        }, errors -> new StoreCreatePayload(null, null, StoreUserError.from(errors)));
    }

    @Input("StoreCreateInput")
    @Description("A store to create. Its plan and ids are chosen by the server.")
    public record StoreCreateInput(
            @NonNull @Description("The display name, 1 to 255 characters.") String name,
            @NonNull @Description("The unique handle: 1 to 63 lowercase letters, digits and inner hyphens.") String handle,
            @NonNull @Description("The ISO 4217 currency prices are set in, e.g. EUR.") String currencyCode,
            @NonNull @Description("The ISO 3166-1 alpha-2 country the store sells from, e.g. FR.") String countryCode,
            @NonNull @DefaultValue("true") @Description("Whether prices include tax.") boolean pricesIncludeTax,
            @NonNull @Description("The IANA time zone, e.g. Europe/Paris.") String timezone,
            @NonNull @Description("The OIDC issuer (iss) of the owner's tokens.") String ownerIssuer,
            @NonNull @Description("The OIDC subject (sub) of the owner's tokens.") String ownerSubject) {
    }

    @Name("StoreCreatePayload")
    @Description("The result of storeCreate.")
    public record StoreCreatePayload(
            @Description("The new store; null when the mutation failed.") ShopView shop,
            @Description("The new store's first storefront access token. Shown only in this answer: store it now.") String storefrontAccessToken,
            @NonNull @Description("What went wrong; empty on success.") List<@NonNull StoreUserError> userErrors) {
    }
}
