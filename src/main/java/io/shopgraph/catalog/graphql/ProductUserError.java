package io.shopgraph.catalog.graphql;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.shopgraph.catalog.domain.ProductErrorCode;
import io.shopgraph.platform.errors.UserErrorDetail;

@Type("ProductUserError")
@Description("Why a product or collection mutation failed.")
public record ProductUserError(
        @NonNull @Description("The path to the input field at fault; empty when no single field is.") List<@NonNull String> field,
        @NonNull @Description("What went wrong, as a stable code.") ProductErrorCode code,
        @NonNull @Description("What went wrong, for people.") String message) {

    static List<ProductUserError> from(List<UserErrorDetail> errors) {
        return errors.stream().map(e -> new ProductUserError(e.field(), (ProductErrorCode) e.code(), e.message())).toList();
    }
}
