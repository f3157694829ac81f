package io.shopgraph.cart.graphql;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.shopgraph.cart.domain.SessionErrorCode;
import io.shopgraph.platform.errors.UserErrorDetail;

@Type("SessionUserError")
@Description("Why a session mutation failed.")
public record SessionUserError(
        @NonNull @Description("The path to the input field at fault; empty when no single field is.") List<@NonNull String> field,
        @NonNull @Description("What went wrong, as a stable code.") SessionErrorCode code,
        @NonNull @Description("What went wrong, for people.") String message) {

    static List<SessionUserError> from(List<UserErrorDetail> errors) {
        return errors.stream().map(e -> new SessionUserError(e.field(), (SessionErrorCode) e.code(), e.message())).toList();
    }
}
