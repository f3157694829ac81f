package io.shopgraph.customers.graphql;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.shopgraph.customers.domain.CustomerAddressErrorCode;
import io.shopgraph.platform.errors.UserErrorDetail;

@Type("CustomerAddressUserError")
@Description("Why a CustomerAddress mutation failed.")
public record CustomerAddressUserError(
        @NonNull @Description("The path to the input field at fault; empty when no single field is.") List<@NonNull String> field,
        @NonNull @Description("What went wrong, as a stable code.") CustomerAddressErrorCode code,
        @NonNull @Description("What went wrong, for people.") String message) {

    static List<CustomerAddressUserError> from(List<UserErrorDetail> errors) {
        return errors.stream().map(e -> new CustomerAddressUserError(e.field(), (CustomerAddressErrorCode) e.code(), e.message())).toList();
    }
}
