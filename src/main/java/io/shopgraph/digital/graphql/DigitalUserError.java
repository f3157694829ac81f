package io.shopgraph.digital.graphql;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.shopgraph.digital.domain.DigitalErrorCode;
import io.shopgraph.platform.errors.UserErrorDetail;

@Type("DigitalUserError")
@Description("Why a digital-goods mutation failed.")
public record DigitalUserError(
        @NonNull @Description("The path to the argument at fault; empty when no single one is.") List<@NonNull String> field,
        @NonNull @Description("What went wrong, as a stable code.") DigitalErrorCode code,
        @NonNull @Description("What went wrong, for people.") String message) {

    static List<DigitalUserError> from(List<UserErrorDetail> errors) {
        return errors.stream().map(e -> new DigitalUserError(e.field(), (DigitalErrorCode) e.code(), e.message())).toList();
    }
}
