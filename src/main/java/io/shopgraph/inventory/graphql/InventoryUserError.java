package io.shopgraph.inventory.graphql;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.shopgraph.inventory.application.InventoryErrorCode;
import io.shopgraph.platform.errors.UserErrorDetail;

@Type("InventoryUserError")
@Description("Why an inventory mutation failed.")
public record InventoryUserError(
        @NonNull @Description("The path to the input field at fault; empty when no single field is.") List<@NonNull String> field,
        @NonNull @Description("What went wrong, as a stable code.") InventoryErrorCode code,
        @NonNull @Description("What went wrong, for people.") String message) {

    static List<InventoryUserError> from(List<UserErrorDetail> errors) {
        return errors.stream().map(e -> new InventoryUserError(e.field(), (InventoryErrorCode) e.code(), e.message())).toList();
    }
}
