package io.shopgraph.customers.domain;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("CustomerAccessTokenErrorCode")
@Description("Why a customer access token mutation failed.")
public enum CustomerAccessTokenErrorCode {
    @Description("The email or the password is wrong (which one is never told).")
    INVALID_CREDENTIALS,
    @Description("Too many sign-ins for this email or from this client, or the service is busy checking passwords: wait before trying again.")
    THROTTLED,
    @Description("The customer access token is unknown, expired or revoked.")
    INVALID_TOKEN
}
