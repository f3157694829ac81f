package io.shopgraph.customers.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;


@Type("CustomerAddress")
@Description("A postal address saved by a customer.")
public record CustomerAddressView(
        @Id @NonNull @Description("The address's global id.") String id,
        @Description("First name of the recipient.") String firstName,
        @Description("Last name of the recipient.") String lastName,
        @Description("Company.") String company,
        @NonNull @Description("Street and number.") String address1,
        @Description("Apartment, suite, etc.") String address2,
        @NonNull @Description("City.") String city,
        @Description("Province, state or region.") String province,
        @Description("Postal code.") String zip,
        @NonNull @Description("ISO 3166-1 alpha-2 country code.") String countryCode,
        @Description("Phone number.") String phone,
        @NonNull @Name("isDefault") @Description("Whether this is the customer's default address.") boolean isDefault) {

    public static final String TYPE = "CustomerAddress";
}
