package io.shopgraph.catalog.graphql;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.shopgraph.catalog.api.ProductVariantView;
import io.shopgraph.platform.graphql.Cursor;
import io.shopgraph.platform.graphql.PageInfo;

@Type("ProductVariantConnection")
@Description("The first variants of a product, in position order.")
public record ProductVariantConnection(
        @NonNull @Description("The variants with their cursors.") List<@NonNull ProductVariantEdge> edges,
        @NonNull @Description("The variants.") List<@NonNull ProductVariantView> nodes,
        @NonNull @Description("Whether the product has more variants than returned.") PageInfo pageInfo) {

    /** {@code fetched} holds up to size + 1 variants; the extra one only tells that more exist. */
    static ProductVariantConnection of(List<ProductVariantView> fetched, int size) {
        List<ProductVariantView> items = fetched.size() > size ? fetched.subList(0, size) : fetched;
        List<ProductVariantEdge> edges = items.stream().map(v -> new ProductVariantEdge(Cursor.encode(v.id()), v)).toList();
        PageInfo info = new PageInfo(fetched.size() > size, false,
                edges.isEmpty() ? null : edges.get(0).cursor(), edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor());
        return new ProductVariantConnection(edges, List.copyOf(items), info);
    }

    @Type("ProductVariantEdge")
    @Description("A variant and its cursor.")
    public record ProductVariantEdge(
            @NonNull @Description("The variant's cursor.") String cursor,
            @NonNull @Description("The variant.") ProductVariantView node) {
    }
}
