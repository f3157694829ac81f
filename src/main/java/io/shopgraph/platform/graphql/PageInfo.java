package io.shopgraph.platform.graphql;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** Relay page information. */
@Type("PageInfo")
@Description("Where a page of a connection sits in the whole list.")
public record PageInfo(
        @NonNull @Description("Whether more items follow the last one of this page.") boolean hasNextPage,
        @NonNull @Description("Whether items precede the first one of this page.") boolean hasPreviousPage,
        @Description("The cursor of the first item of this page; null when the page is empty.") String startCursor,
        @Description("The cursor of the last item of this page; null when the page is empty.") String endCursor) {
}
