package io.shopgraph.customers.graphql;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Query;

import io.shopgraph.customers.application.CustomerAccounts;
import io.shopgraph.customers.api.CustomerView;
import io.shopgraph.platform.security.CustomerOperation;
import io.shopgraph.platform.security.StoreAccess;

@GraphQLApi
public class CustomerQueries {

    private final CustomerAccounts accounts;
    private final StoreAccess access;

    CustomerQueries(CustomerAccounts accounts, StoreAccess access) {
        this.accounts = accounts;
        this.access = access;
    }

    /**
     * Nullable, and null for guests: a page asks for the shop, the catalogue and the customer in one document,
     * and a guest must get the page with {@code customer: null}, not an error that takes the page down. A bad
     * customer token is still an UNAUTHENTICATED error, on this field only.
     */
    @Query("customer")
    @CustomerOperation(guestsSeeNull = true)
    @Description("The signed-in customer's profile and addresses (X-Storefront-Token and X-Customer-Token). Null for guests "
            + "(no X-Customer-Token); an expired, revoked or foreign customer token is an UNAUTHENTICATED error on this "
            + "field, and the rest of the document is still answered.")
    public CustomerView customer() {
        return access.customer().map(accounts::profile).orElse(null);
    }
}
