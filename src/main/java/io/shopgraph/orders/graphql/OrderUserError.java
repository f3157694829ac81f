package io.shopgraph.orders.graphql;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.shopgraph.orders.domain.OrderErrorCode;
import io.shopgraph.platform.errors.UserErrorDetail;

@Type("OrderUserError")
@Description("Why an order mutation failed.")
public record OrderUserError(
        @NonNull @Description("The path to the input field at fault; empty when no single field is.") List<@NonNull String> field,
        @NonNull @Description("What went wrong, as a stable code.") OrderErrorCode code,
        @NonNull @Description("What went wrong, for people.") String message) {

    static List<OrderUserError> from(List<UserErrorDetail> errors) {
        return errors.stream().map(e -> new OrderUserError(e.field(), (OrderErrorCode) e.code(), e.message())).toList();
    }
}
