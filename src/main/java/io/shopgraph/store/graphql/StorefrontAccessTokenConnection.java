package io.shopgraph.store.graphql;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.shopgraph.platform.graphql.Page;
import io.shopgraph.platform.graphql.PageInfo;
import io.shopgraph.store.application.StorefrontAccessTokenView;
import io.shopgraph.store.application.StorefrontTokenReads;

@Type("StorefrontAccessTokenConnection")
@Description("A page of storefront access tokens, oldest first.")
public record StorefrontAccessTokenConnection(
        @NonNull @Description("The tokens of this page with their cursors.") List<@NonNull StorefrontAccessTokenEdge> edges,
        @NonNull @Description("The tokens of this page.") List<@NonNull StorefrontAccessTokenView> nodes,
        @NonNull @Description("Where this page sits in the whole list.") PageInfo pageInfo) {

    static StorefrontAccessTokenConnection of(Page<StorefrontAccessTokenView> page) {
        List<StorefrontAccessTokenEdge> edges = page.items().stream()
                .map(t -> new StorefrontAccessTokenEdge(StorefrontTokenReads.cursorOf(t), t)).toList();
        PageInfo info = new PageInfo(page.hasNextPage(), page.hasPreviousPage(),
                edges.isEmpty() ? null : edges.get(0).cursor(), edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor());
        return new StorefrontAccessTokenConnection(edges, page.items(), info);
    }

    @Type("StorefrontAccessTokenEdge")
    @Description("A storefront access token and its cursor.")
    public record StorefrontAccessTokenEdge(
            @NonNull @Description("The cursor to pass as after/before.") String cursor,
            @NonNull @Description("The token.") StorefrontAccessTokenView node) {
    }
}
