package io.shopgraph.store.graphql;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.shopgraph.platform.errors.UserErrorDetail;
import io.shopgraph.store.domain.StorefrontAccessTokenErrorCode;

@Type("StorefrontAccessTokenUserError")
@Description("Why a storefront access token mutation failed.")
public record StorefrontAccessTokenUserError(
        @NonNull @Description("The path to the input field at fault; empty when no single field is.") List<@NonNull String> field,
        @NonNull @Description("What went wrong, as a stable code.") StorefrontAccessTokenErrorCode code,
        @NonNull @Description("What went wrong, for people.") String message) {

    static List<StorefrontAccessTokenUserError> from(List<UserErrorDetail> errors) {
        return errors.stream()
                .map(e -> new StorefrontAccessTokenUserError(e.field(), (StorefrontAccessTokenErrorCode) e.code(), e.message()))
                .toList();
    }
}
