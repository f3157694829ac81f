package io.shopgraph.cart.graphql;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import io.shopgraph.cart.application.CartReads;
import io.shopgraph.cart.api.CartViews.CartView;
import io.shopgraph.platform.security.StorefrontOperation;

@GraphQLApi
public class CartQueries {

    private final CartReads reads;

    CartQueries(CartReads reads) {
        this.reads = reads;
    }

    @Query("cart")
    @StorefrontOperation
    @Description("Storefront: the open cart with this id; null for an unknown, another store's, expired or merged id alike. "
            + "Never served from the storefront cache.")
    public CartView cart(@NonNull @Id @Name("id") @Description("The cart's id.") String id) {
        return reads.byId(id).orElse(null);
    }
}
