package io.shopgraph.bookings.graphql;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.shopgraph.bookings.domain.BookingErrorCode;
import io.shopgraph.platform.errors.UserErrorDetail;

@Type("BookingUserError")
@Description("Why a booking or slot mutation failed.")
public record BookingUserError(
        @NonNull @Description("The path to the input field at fault; empty when no single field is.") List<@NonNull String> field,
        @NonNull @Description("What went wrong, as a stable code.") BookingErrorCode code,
        @NonNull @Description("What went wrong, for people.") String message) {

    static List<BookingUserError> from(List<UserErrorDetail> errors) {
        return errors.stream().map(e -> new BookingUserError(e.field(), (BookingErrorCode) e.code(), e.message())).toList();
    }
}
