package io.shopgraph.catalog.graphql;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.shopgraph.catalog.application.read.CatalogReads;
import io.shopgraph.catalog.application.read.CollectionView;
import io.shopgraph.platform.graphql.Page;
import io.shopgraph.platform.graphql.PageInfo;

@Type("CollectionConnection")
@Description("A page of collections, oldest first.")
public record CollectionConnection(
        @NonNull @Description("The collections of this page with their cursors.") List<@NonNull CollectionEdge> edges,
        @NonNull @Description("The collections of this page.") List<@NonNull CollectionView> nodes,
        @NonNull @Description("Where this page sits in the whole list.") PageInfo pageInfo) {

    static CollectionConnection of(Page<CollectionView> page) {
        List<CollectionEdge> edges = page.items().stream().map(c -> new CollectionEdge(CatalogReads.collectionCursorOf(c), c)).toList();
        PageInfo info = new PageInfo(page.hasNextPage(), page.hasPreviousPage(),
                edges.isEmpty() ? null : edges.get(0).cursor(), edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor());
        return new CollectionConnection(edges, page.items(), info);
    }

    @Type("CollectionEdge")
    @Description("A collection and its cursor.")
    public record CollectionEdge(
            @NonNull @Description("The cursor to pass as after/before.") String cursor,
            @NonNull @Description("The collection.") CollectionView node) {
    }
}
