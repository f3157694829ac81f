package io.shopgraph.checkout.graphql;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.shopgraph.checkout.domain.completion.CheckoutErrorCode;

@Type("CheckoutUserError")
@Description("Why checkoutComplete placed no order.")
public record CheckoutUserError(
        @NonNull @Description("What went wrong, as a stable code.") CheckoutErrorCode code,
        @NonNull @Description("What went wrong, for people.") String message,
        @NonNull @Description("The path to the argument at fault; empty when no single one is.") List<@NonNull String> field,
        @NonNull @Description("The cart lines at fault (PRICE_CHANGED, INSUFFICIENT_STOCK, PRODUCT_UNAVAILABLE); empty otherwise.")
        List<@NonNull String> lineIds) {
}
