package io.shopgraph.store.graphql;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import io.shopgraph.platform.security.SharedOperation;
import io.shopgraph.platform.tenancy.TenantContext;
import io.shopgraph.store.application.ShopReads;
import io.shopgraph.store.application.ShopView;

@GraphQLApi
public class ShopQueries {

    private final TenantContext tenant;
    private final ShopReads shops;

    ShopQueries(TenantContext tenant, ShopReads shops) {
        this.tenant = tenant;
        this.shops = shops;
    }

    @Query("shop")
    @NonNull
    @Description("The store the request acts for: the storefront token's store, or the merchant's chosen store.")
    @SharedOperation
    public ShopView shop() {
        return shops.shop(tenant.requireStore());
    }
}
