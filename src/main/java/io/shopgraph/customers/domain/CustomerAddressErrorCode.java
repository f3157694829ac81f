package io.shopgraph.customers.domain;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("CustomerAddressErrorCode")
@Description("Why a customer address mutation failed.")
public enum CustomerAddressErrorCode {
    @Description("A required field (address1, city) is empty.")
    BLANK,
    @Description("A field is longer than 255 characters.")
    TOO_LONG,
    @Description("The country is not an ISO 3166-1 alpha-2 code.")
    INVALID_COUNTRY,
    @Description("The customer has the maximum of 50 addresses.")
    TOO_MANY_ADDRESSES,
    @Description("No address with this id belongs to the customer.")
    NOT_FOUND
}
