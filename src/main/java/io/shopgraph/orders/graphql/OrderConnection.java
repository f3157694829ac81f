package io.shopgraph.orders.graphql;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.shopgraph.orders.application.OrderReads;
import io.shopgraph.orders.api.OrderViews.OrderView;
import io.shopgraph.platform.graphql.Page;
import io.shopgraph.platform.graphql.PageInfo;

@Type("OrderConnection")
@Description("A page of orders, newest first.")
public record OrderConnection(
        @NonNull @Description("The orders of this page with their cursors.") List<@NonNull OrderEdge> edges,
        @NonNull @Description("The orders of this page.") List<@NonNull OrderView> nodes,
        @NonNull @Description("Where this page sits in the whole list.") PageInfo pageInfo) {

    static OrderConnection of(Page<OrderView> page) {
        List<OrderEdge> edges = page.items().stream().map(o -> new OrderEdge(OrderReads.cursorOf(o.id()), o)).toList();
        List<String> cursors = edges.stream().map(OrderEdge::cursor).toList();
        return new OrderConnection(edges, page.items(), new PageInfo(page.hasNextPage(), page.hasPreviousPage(),
                cursors.isEmpty() ? null : cursors.get(0), cursors.isEmpty() ? null : cursors.get(cursors.size() - 1)));
    }

    @Type("OrderEdge")
    @Description("An order and its cursor.")
    public record OrderEdge(
            @NonNull @Description("The cursor to pass as after/before.") String cursor,
            @NonNull @Description("The order.") OrderView node) {
    }
}
