package io.shopgraph.catalog.application.search;

import io.shopgraph.catalog.application.read.CursoredProduct;
import io.shopgraph.catalog.application.read.ProductFilter;
import io.shopgraph.catalog.application.read.SearchFacets;
import io.shopgraph.platform.graphql.Page;

/**
 * What a search found: a page of products (null when not asked for), the number of matches and facet
 * counts (null when not asked for), and the filter that was searched (the query included).
 */
public record SearchOutcome(Page<CursoredProduct> products, int totalCount, SearchFacets facets, ProductFilter searched) {
}
