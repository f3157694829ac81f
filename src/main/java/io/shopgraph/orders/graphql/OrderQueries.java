package io.shopgraph.orders.graphql;


import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import io.shopgraph.orders.application.OrderReads;
import io.shopgraph.orders.api.OrderViews;
import io.shopgraph.orders.api.OrderViews.OrderView;
import io.shopgraph.orders.api.OrderStatus;
import io.shopgraph.platform.graphql.PageRequest;
import io.shopgraph.platform.kernel.GlobalId;
import io.shopgraph.platform.security.MerchantOperation;
import io.shopgraph.platform.security.Scope;
import io.shopgraph.platform.security.StoreAccess;
import io.shopgraph.platform.security.StorefrontOperation;

/** Reading orders: merchants list and open them; a guest opens one with its secret token. */
@GraphQLApi
public class OrderQueries {

    private final OrderReads reads;
    private final StoreAccess access;

    OrderQueries(OrderReads reads, StoreAccess access) {
        this.reads = reads;
        this.access = access;
    }

    @Query("orders")
    @MerchantOperation(Scope.READ_ORDERS)
    @NonNull
    @Description("Merchant: the store's orders, newest first, optionally of one status or matching a query (an order number such as "
            + "#1001, or part of the email). Needs the read_orders scope.")
    public OrderConnection orders(
            @Name("first") @Description("How many to return after `after` (at most 100, default 20).") Integer first,
            @Name("after") @Description("Return orders after this cursor.") String after,
            @Name("last") @Description("How many to return before `before` (at most 100).") Integer last,
            @Name("before") @Description("Return orders before this cursor.") String before,
            @Name("status") @Description("Only orders in this status.") OrderStatus status,
            @Name("query") @Description("An order number (1001 or #1001) or part of the buyer's email.") String query) {
        access.requireMerchant(Scope.READ_ORDERS);
        return OrderConnection.of(reads.page(PageRequest.of(first, after, last, before), status, query));
    }

    @Query("order")
    @MerchantOperation(Scope.READ_ORDERS)
    @Description("Merchant: one order by id; null when unknown or another store's. Needs the read_orders scope.")
    public OrderView order(@NonNull @Id @Name("id") @Description("The order's global id.") String id) {
        access.requireMerchant(Scope.READ_ORDERS);
        return GlobalId.parse(id, OrderViews.ORDER).flatMap(reads::byId).orElse(null);
    }

    @Query("orderByToken")
    @StorefrontOperation
    @Description("Storefront: the order that a secret order token (returned by checkoutComplete) opens; null for any other token. "
            + "This is how a guest sees their order; signed-in customers also have customer.orders.")
    public OrderView orderByToken(@NonNull @Name("token") @Description("The order token from checkoutComplete.") String token) {
        access.requireStorefront();
        return reads.byToken(token).orElse(null);
    }
}
