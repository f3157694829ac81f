package io.shopgraph.customers.application;

import java.time.Instant;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("CustomerAccessToken")
@Description("A customer's sign-in: send accessToken in X-Customer-Token, together with the storefront token.")
public record CustomerAccessTokenView(
        @NonNull @Description("The opaque token. Shown when created; renewing keeps the same token.") String accessToken,
        @NonNull @Description("When the token stops working unless renewed.") Instant expiresAt) {
}
