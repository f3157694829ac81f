package io.shopgraph.catalog.graphql;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.shopgraph.catalog.api.ProductVariantView;
import io.shopgraph.catalog.application.read.CursoredVariant;
import io.shopgraph.platform.graphql.Page;
import io.shopgraph.platform.graphql.PageInfo;

@Type("ProductVariantConnection")
@Description("A page of a product's variants, in position order.")
public record ProductVariantConnection(
        @NonNull @Description("The variants with their cursors.") List<@NonNull ProductVariantEdge> edges,
        @NonNull @Description("The variants.") List<@NonNull ProductVariantView> nodes,
        @NonNull @Description("Where this page sits in the product's variants.") PageInfo pageInfo) {

    static ProductVariantConnection of(Page<CursoredVariant> page) {
        List<ProductVariantEdge> edges = page.items().stream().map(v -> new ProductVariantEdge(v.cursor(), v.variant())).toList();
        PageInfo info = new PageInfo(page.hasNextPage(), page.hasPreviousPage(),
                edges.isEmpty() ? null : edges.get(0).cursor(), edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor());
        return new ProductVariantConnection(edges, edges.stream().map(ProductVariantEdge::node).toList(), info);
    }

    @Type("ProductVariantEdge")
    @Description("A variant and its cursor.")
    public record ProductVariantEdge(
            @NonNull @Description("The variant's cursor.") String cursor,
            @NonNull @Description("The variant.") ProductVariantView node) {
    }
}
