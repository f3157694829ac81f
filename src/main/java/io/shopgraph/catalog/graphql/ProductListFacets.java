package io.shopgraph.catalog.graphql;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;

import io.shopgraph.catalog.application.read.FacetScope;
import io.shopgraph.catalog.application.read.ProductFacetReads.Counts;
import io.shopgraph.catalog.application.read.SearchFacets;

/**
 * {@code totalCount} and {@code facets} of every product connection (products, collection.products,
 * search): computed only when asked, one statement for both and for all connections of a level.
 */
@GraphQLApi
public class ProductListFacets {

    private final FacetMemo memo;

    ProductListFacets(FacetMemo memo) {
        this.memo = memo;
    }

    @NonNull
    @Description("How many products the whole list has (every page), with its query and filter.")
    public List<@NonNull Integer> totalCount(@Source List<ProductConnection> connections) {
        Map<FacetScope, Counts> counts = memo.counts(connections.stream().map(ProductConnection::scope).toList());
        return connections.stream().map(c -> counts.get(c.scope()).totalCount()).toList();
    }

    @NonNull
    @Description("Facet counts of the whole list for a filter sidebar (disjunctive: see SearchFacets).")
    public List<@NonNull SearchFacets> facets(@Source List<ProductConnection> connections) {
        Map<FacetScope, Counts> counts = memo.counts(connections.stream().map(ProductConnection::scope).toList());
        return connections.stream().map(c -> counts.get(c.scope()).facets()).toList();
    }
}
