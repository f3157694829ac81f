package io.shopgraph.customers.graphql;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
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

    @Query("customer")
    @CustomerOperation
    @NonNull
    @Description("Customer: the signed-in customer's profile and addresses. Needs X-Storefront-Token and X-Customer-Token.")
    public CustomerView customer() {
        return accounts.profile(access.requireCustomer());
    }
}
