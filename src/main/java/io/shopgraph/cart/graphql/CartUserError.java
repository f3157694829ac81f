package io.shopgraph.cart.graphql;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.shopgraph.cart.domain.CartErrorCode;
import io.shopgraph.platform.errors.UserErrorDetail;

@Type("CartUserError")
@Description("Why a cart mutation failed.")
public record CartUserError(
        @NonNull @Description("The path to the input field at fault; empty when no single field is.") List<@NonNull String> field,
        @NonNull @Description("What went wrong, as a stable code.") CartErrorCode code,
        @NonNull @Description("What went wrong, for people.") String message) {

    static List<CartUserError> from(List<UserErrorDetail> errors) {
        return errors.stream().map(e -> new CartUserError(e.field(), (CartErrorCode) e.code(), e.message())).toList();
    }
}
