package io.shopgraph.payments.graphql;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.shopgraph.payments.domain.PaymentSettingsErrorCode;
import io.shopgraph.platform.errors.UserErrorDetail;

@Type("PaymentSettingsUserError")
@Description("Why a payment settings mutation was refused.")
public record PaymentSettingsUserError(
        @NonNull @Description("The path to the input field at fault; empty when no single field is.") List<@NonNull String> field,
        @NonNull @Description("What went wrong, as a stable code.") PaymentSettingsErrorCode code,
        @NonNull @Description("What went wrong, for people.") String message) {

    static List<PaymentSettingsUserError> from(List<UserErrorDetail> errors) {
        return errors.stream().map(e -> new PaymentSettingsUserError(e.field(), (PaymentSettingsErrorCode) e.code(), e.message())).toList();
    }
}
