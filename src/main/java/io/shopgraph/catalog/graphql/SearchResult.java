package io.shopgraph.catalog.graphql;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.shopgraph.catalog.application.read.SearchFacets;

@Type("SearchResult")
@Description("What a search found: a page of the matching products, how many match in all, and facet counts.")
public record SearchResult(
        @NonNull @Description("A page of the matching products, best match first by default.") ProductConnection products,
        @Description("How many products match the query and the filter in all.") int totalCount,
        @NonNull @Description("How many matching products have each kind, tag, vendor, availability and price range.") SearchFacets facets) {
}
