package io.shopgraph.store.graphql;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.shopgraph.platform.errors.UserErrorDetail;
import io.shopgraph.store.domain.AppInstallationErrorCode;

@Type("AppInstallationUserError")
@Description("Why a partner app mutation failed.")
public record AppInstallationUserError(
        @NonNull @Description("The path to the input field at fault; empty when no single field is.") List<@NonNull String> field,
        @NonNull @Description("What went wrong, as a stable code.") AppInstallationErrorCode code,
        @NonNull @Description("What went wrong, for people.") String message) {

    static List<AppInstallationUserError> from(List<UserErrorDetail> errors) {
        return errors.stream()
                .map(e -> new AppInstallationUserError(e.field(), (AppInstallationErrorCode) e.code(), e.message()))
                .toList();
    }
}
