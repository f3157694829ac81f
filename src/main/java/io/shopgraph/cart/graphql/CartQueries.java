package io.shopgraph.cart.graphql;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingFieldSelectionSet;
import io.shopgraph.cart.api.CartViews.CartView;
import io.shopgraph.cart.application.CartReads;
import io.shopgraph.platform.security.StorefrontOperation;
import io.smallrye.graphql.api.Context;

@GraphQLApi
public class CartQueries {

    private final CartReads reads;
    private final Context context;

    CartQueries(CartReads reads, Context context) {
        this.reads = reads;
        this.context = context;
    }

    @Query("cart")
    @StorefrontOperation
    @Description("Storefront: the open cart with this id; null for an unknown, another store's, expired or merged id alike. "
            + "Never served from the storefront cache.")
    public CartView cart(@NonNull @Id @Name("id") @Description("The cart's id.") String id) {
        // The lines' merchandise rides on the cart's statement when the document asks for it (one statement, not two).
        DataFetchingFieldSelectionSet selection = context.unwrap(DataFetchingEnvironment.class).getSelectionSet();
        return reads.byId(id, selection.containsAnyOf("lines/nodes/merchandise", "lines/edges/node/merchandise")).orElse(null);
    }
}
