package io.shopgraph.catalog.graphql;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.shopgraph.catalog.domain.TranslationErrorCode;
import io.shopgraph.platform.errors.UserErrorDetail;

@Type("TranslationUserError")
@Description("Why a translation mutation failed.")
public record TranslationUserError(
        @NonNull @Description("The path to the input field at fault; empty when no single field is.") List<@NonNull String> field,
        @NonNull @Description("What went wrong, as a stable code.") TranslationErrorCode code,
        @NonNull @Description("What went wrong, for people.") String message) {

    static List<TranslationUserError> from(List<UserErrorDetail> errors) {
        return errors.stream().map(e -> new TranslationUserError(e.field(), (TranslationErrorCode) e.code(), e.message())).toList();
    }
}
