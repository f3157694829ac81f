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
import io.shopgraph.platform.security.PlatformOperation;
import io.shopgraph.store.application.ShopView;
import io.shopgraph.store.application.StoreCommands;

/** Platform operators create stores. */
@GraphQLApi
public class StoreMutations {

    private final StoreCommands commands;

    StoreMutations(StoreCommands commands) {
        this.commands = commands;
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
