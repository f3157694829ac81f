package io.shopgraph.customers.graphql;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.shopgraph.customers.domain.CustomerAccessTokenErrorCode;
import io.shopgraph.platform.errors.UserErrorDetail;

@Type("CustomerAccessTokenUserError")
@Description("Why a CustomerAccessToken mutation failed.")
public record CustomerAccessTokenUserError(
        @NonNull @Description("The path to the input field at fault; empty when no single field is.") List<@NonNull String> field,
        @NonNull @Description("What went wrong, as a stable code.") CustomerAccessTokenErrorCode code,
        @NonNull @Description("What went wrong, for people.") String message) {

    static List<CustomerAccessTokenUserError> from(List<UserErrorDetail> errors) {
        return errors.stream().map(e -> new CustomerAccessTokenUserError(e.field(), (CustomerAccessTokenErrorCode) e.code(), e.message())).toList();
    }
}
