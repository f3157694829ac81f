package io.shopgraph.customers.api;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("Customer")
@Description("A signed-in customer's account in this store.")
public record CustomerView(
        @Id @NonNull @Description("The customer's global id.") String id,
        @NonNull @Description("The customer's email, lowercased.") String email,
        @Description("First name.") String firstName,
        @Description("Last name.") String lastName,
        @NonNull @Description("Whether the customer agreed to receive marketing email.") boolean acceptsMarketing,
        @Description("The default address; null when none is saved.") CustomerAddressView defaultAddress,
        @NonNull @Description("The saved addresses, oldest first (at most 50).") List<@NonNull CustomerAddressView> addresses) {

    public static final String TYPE = "Customer";
}
