package io.shopgraph.store.graphql;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.shopgraph.platform.errors.UserErrorDetail;
import io.shopgraph.store.domain.StaffMemberErrorCode;

@Type("StaffMemberUserError")
@Description("Why a staff member mutation failed.")
public record StaffMemberUserError(
        @NonNull @Description("The path to the input field at fault; empty when no single field is.") List<@NonNull String> field,
        @NonNull @Description("What went wrong, as a stable code.") StaffMemberErrorCode code,
        @NonNull @Description("What went wrong, for people.") String message) {

    static List<StaffMemberUserError> from(List<UserErrorDetail> errors) {
        return errors.stream().map(e -> new StaffMemberUserError(e.field(), (StaffMemberErrorCode) e.code(), e.message()))
                .toList();
    }
}
