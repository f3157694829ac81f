package io.shopgraph.customers.graphql;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.shopgraph.customers.domain.CustomerErrorCode;
import io.shopgraph.platform.errors.UserErrorDetail;

@Type("CustomerUserError")
@Description("Why a Customer mutation failed.")
public record CustomerUserError(
        @NonNull @Description("The path to the input field at fault; empty when no single field is.") List<@NonNull String> field,
        @NonNull @Description("What went wrong, as a stable code.") CustomerErrorCode code,
        @NonNull @Description("What went wrong, for people.") String message) {

    static List<CustomerUserError> from(List<UserErrorDetail> errors) {
        return errors.stream().map(e -> new CustomerUserError(e.field(), (CustomerErrorCode) e.code(), e.message())).toList();
    }
}
