package io.shopgraph.store.graphql;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import io.shopgraph.platform.errors.DomainException;
import io.shopgraph.platform.graphql.MutationSupport;
import io.shopgraph.platform.kernel.GlobalId;
import io.shopgraph.platform.security.MerchantOperation;
import io.shopgraph.platform.security.Scope;
import io.shopgraph.store.application.StorefrontAccessTokenView;
import io.shopgraph.store.application.StorefrontTokenCommands;
import io.shopgraph.store.domain.StorefrontAccessTokenErrorCode;

@GraphQLApi
public class StorefrontAccessTokenMutations {

    private final StorefrontTokenCommands commands;

    StorefrontAccessTokenMutations(StorefrontTokenCommands commands) {
        this.commands = commands;
    }

    @Mutation("storefrontAccessTokenCreate")
    @MerchantOperation(Scope.WRITE_SETTINGS)
    @NonNull
    @Description("Merchant: creates a storefront access token. The token is in the payload's accessToken, this once "
            + "only. Needs the write_settings scope.")
    public StorefrontAccessTokenCreatePayload storefrontAccessTokenCreate(
            @NonNull @Name("input") @Description("The token to create.") StorefrontAccessTokenCreateInput input) {
        return MutationSupport.run(() -> {
            var created = commands.create(input.title(), input.allowedOrigins());
            return new StorefrontAccessTokenCreatePayload(created.token(), created.accessToken(), List.of());
        }, errors -> new StorefrontAccessTokenCreatePayload(null, null, StorefrontAccessTokenUserError.from(errors)));
    }

    @Mutation("storefrontAccessTokenUpdate")
    @MerchantOperation(Scope.WRITE_SETTINGS)
    @NonNull
    @Description("Merchant: renames a storefront access token or replaces the browser origins it may be used from "
            + "(an empty list lifts the restriction). Instances apply it at once here and within "
            + "shopgraph.storefront-token.cache-ttl elsewhere. Needs the write_settings scope.")
    public StorefrontAccessTokenUpdatePayload storefrontAccessTokenUpdate(
            @NonNull @Id @Name("id") @Description("The global id of the token to change.") String id,
            @NonNull @Name("input") @Description("What to change; omitted fields stay as they are.") StorefrontAccessTokenUpdateInput input) {
        return MutationSupport.run(() -> {
            UUID uuid = GlobalId.parse(id, StorefrontAccessTokenView.TYPE).orElseThrow(() -> new DomainException(
                    StorefrontAccessTokenErrorCode.NOT_FOUND, List.of("id"), "No storefront access token has this id."));
            return new StorefrontAccessTokenUpdatePayload(commands.update(uuid, input.title(), input.allowedOrigins()), List.of());
        }, errors -> new StorefrontAccessTokenUpdatePayload(null, StorefrontAccessTokenUserError.from(errors)));
    }

    @Mutation("storefrontAccessTokenRevoke")
    @MerchantOperation(Scope.WRITE_SETTINGS)
    @NonNull
    @Description("Merchant: revokes a storefront access token; storefronts using it are refused from then on. "
            + "Needs the write_settings scope.")
    public StorefrontAccessTokenRevokePayload storefrontAccessTokenRevoke(
            @NonNull @Id @Name("id") @Description("The global id of the token to revoke.") String id) {
        return MutationSupport.run(() -> {
            UUID uuid = GlobalId.parse(id, StorefrontAccessTokenView.TYPE).orElseThrow(() -> new DomainException(
                    StorefrontAccessTokenErrorCode.NOT_FOUND, List.of("id"), "No storefront access token has this id."));
            return new StorefrontAccessTokenRevokePayload(commands.revoke(uuid), List.of());
        }, errors -> new StorefrontAccessTokenRevokePayload(null, StorefrontAccessTokenUserError.from(errors)));
    }

    @Input("StorefrontAccessTokenCreateInput")
    @Description("A storefront access token to create.")
    public record StorefrontAccessTokenCreateInput(
            @NonNull @Description("What the token is for, e.g. the site that will use it; 1 to 100 characters.") String title,
            @Description(ALLOWED_ORIGINS) List<String> allowedOrigins) {
    }

    static final String ALLOWED_ORIGINS = "The browser origins whose pages may use the token: exact origins "
            + "(https://shop.example.com, http://localhost:3000) or sub-domain wildcards (https://*.example.com), at most "
            + "20. Omitted or empty: any origin. A guard against other sites reusing the public token, not a secret: "
            + "requests without an Origin header (servers, curl) are accepted.";

    @Input("StorefrontAccessTokenUpdateInput")
    @Description("Changes to a storefront access token.")
    public record StorefrontAccessTokenUpdateInput(
            @Description("A new title, 1 to 100 characters; omitted: unchanged.") String title,
            @Description(ALLOWED_ORIGINS + " Omitted: unchanged; empty: any origin.") List<String> allowedOrigins) {
    }

    @Name("StorefrontAccessTokenUpdatePayload")
    @Description("The result of storefrontAccessTokenUpdate.")
    public record StorefrontAccessTokenUpdatePayload(
            @Description("The changed token; null when the mutation failed.") StorefrontAccessTokenView storefrontAccessToken,
            @NonNull @Description("What went wrong; empty on success.") List<@NonNull StorefrontAccessTokenUserError> userErrors) {
    }

    @Name("StorefrontAccessTokenCreatePayload")
    @Description("The result of storefrontAccessTokenCreate.")
    public record StorefrontAccessTokenCreatePayload(
            @Description("The new token's details; null when the mutation failed.") StorefrontAccessTokenView storefrontAccessToken,
            @Description("The token to send in X-Storefront-Token. Shown only in this answer: store it now.") String accessToken,
            @NonNull @Description("What went wrong; empty on success.") List<@NonNull StorefrontAccessTokenUserError> userErrors) {
    }

    @Name("StorefrontAccessTokenRevokePayload")
    @Description("The result of storefrontAccessTokenRevoke.")
    public record StorefrontAccessTokenRevokePayload(
            @Description("The revoked token; null when the mutation failed.") StorefrontAccessTokenView storefrontAccessToken,
            @NonNull @Description("What went wrong; empty on success.") List<@NonNull StorefrontAccessTokenUserError> userErrors) {
    }

}
