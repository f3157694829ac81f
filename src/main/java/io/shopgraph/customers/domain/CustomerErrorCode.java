package io.shopgraph.customers.domain;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("CustomerErrorCode")
@Description("Why a customer account mutation failed.")
public enum CustomerErrorCode {
    @Description("The email is not a valid address.")
    INVALID_EMAIL,
    @Description("The password has fewer than 8 characters.")
    PASSWORD_TOO_SHORT,
    @Description("The password has more than 128 characters.")
    PASSWORD_TOO_LONG,
    @Description("A name is longer than 255 characters.")
    TOO_LONG,
    @Description("An account with this email already exists in this store.")
    TAKEN,
    @Description("The reset token is unknown, expired or already used.")
    INVALID_TOKEN,
    @Description("Too many registrations from this client, or the service is busy checking passwords: wait before trying again.")
    THROTTLED
}
