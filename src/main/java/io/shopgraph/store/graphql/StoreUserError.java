package io.shopgraph.store.graphql;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.shopgraph.platform.errors.UserErrorDetail;
import io.shopgraph.store.domain.StoreErrorCode;

@Type("StoreUserError")
@Description("Why a store could not be created.")
public record StoreUserError(
        @NonNull @Description("The path to the input field at fault; empty when no single field is.") List<@NonNull String> field,
        @NonNull @Description("What went wrong, as a stable code.") StoreErrorCode code,
        @NonNull @Description("What went wrong, for people.") String message) {

    static List<StoreUserError> from(List<UserErrorDetail> errors) {
        return errors.stream().map(e -> new StoreUserError(e.field(), (StoreErrorCode) e.code(), e.message())).toList();
    }
}
