package io.shopgraph.catalog.graphql;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.shopgraph.catalog.api.ProductView;
import io.shopgraph.catalog.application.read.CursoredProduct;
import io.shopgraph.catalog.application.read.FacetScope;
import io.shopgraph.platform.graphql.Page;
import io.shopgraph.platform.graphql.PageInfo;

/** A page of products; {@code totalCount} and {@code facets} are batch fields (ProductListFacets) computed only when asked. */
@Type("ProductConnection")
@Description("A page of products.")
public record ProductConnection(
        @NonNull @Description("The products of this page with their cursors.") List<@NonNull ProductEdge> edges,
        @NonNull @Description("The products of this page.") List<@NonNull ProductView> nodes,
        @NonNull @Description("Where this page sits in the whole list.") PageInfo pageInfo,
        // Not in the schema: what totalCount and facets count.
        @Ignore FacetScope scope) {

    static ProductConnection of(Page<CursoredProduct> page, FacetScope scope) {
        List<ProductEdge> edges = page.items().stream().map(p -> new ProductEdge(p.cursor(), p.product())).toList();
        PageInfo info = new PageInfo(page.hasNextPage(), page.hasPreviousPage(),
                edges.isEmpty() ? null : edges.get(0).cursor(), edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor());
        return new ProductConnection(edges, edges.stream().map(ProductEdge::node).toList(), info, scope);
    }

    @Type("ProductEdge")
    @Description("A product and its cursor.")
    public record ProductEdge(
            @NonNull @Description("The cursor to pass as after/before.") String cursor,
            @NonNull @Description("The product.") ProductView node) {
    }
}
