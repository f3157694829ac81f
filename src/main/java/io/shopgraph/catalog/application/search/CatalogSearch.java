package io.shopgraph.catalog.application.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.shopgraph.catalog.application.read.CatalogReads;
import io.shopgraph.catalog.application.read.CursoredProduct;
import io.shopgraph.catalog.application.read.ProductFacetReads.Counts;
import io.shopgraph.catalog.application.read.ProductFacetReads;
import io.shopgraph.catalog.application.read.ProductFilter;
import io.shopgraph.catalog.application.read.ProductSortKey;
import io.shopgraph.catalog.application.read.SearchFacets;
import io.shopgraph.platform.errors.ApiException;
import io.shopgraph.platform.graphql.Page;
import io.shopgraph.platform.graphql.PageRequest;

/**
 * Storefront search: the products matching a text query (see {@link SearchText} and the
 * {@code catalog.search_query} function) plus facet counts, in one transaction of at most two
 * statements: the page (through {@link CatalogReads#products}) and the total with every facet
 * ({@link ProductFacetReads}). A blank query does not filter by text: {@code search(query: "")} lists
 * the filtered products (a collection's, say), in id order when RELEVANCE was asked for.
 */
@ApplicationScoped
public class CatalogSearch {

    private final CatalogReads reads;
    private final ProductFacetReads facets;

    CatalogSearch(CatalogReads reads, ProductFacetReads facets) {
        this.reads = reads;
        this.facets = facets;
    }

    /**
     * Searches the store's products. {@code query} replaces any query of the filter; RELEVANCE is the
     * usual order. {@code withProducts}/{@code withFacets} skip the statements nobody asked for;
     * {@code locale} (parsed, or null for the base texts) picks the products' texts and makes the query
     * also match the translations in that locale.
     */
    @Transactional
    public SearchOutcome search(String query, ProductFilter filter, ProductSortKey sortKey, boolean reverse,
            PageRequest request, boolean storefront, boolean withProducts, boolean withFacets, String locale) {
        if (sortKey == ProductSortKey.COLLECTION_DEFAULT) {
            throw ApiException.badRequest("COLLECTION_DEFAULT orders only a collection's products.");
        }
        ProductFilter searched = (filter == null ? ProductFilter.NONE : filter).withQuery(query);
        // Without words there is nothing to rank: the filtered list in creation order (cursors carry ID).
        ProductSortKey order = sortKey == ProductSortKey.RELEVANCE && !searched.hasQuery() ? ProductSortKey.ID : sortKey;
        if (searched.unknownCollection()) {
            return new SearchOutcome(Page.of(java.util.List.of(), request), 0, withFacets ? SearchFacets.EMPTY : null, searched);
        }
        Page<CursoredProduct> page = withProducts ? reads.products(searched, order, reverse, request, storefront, locale) : null;
        if (!withFacets) {
            return new SearchOutcome(page, 0, null, searched);
        }
        Counts counts = facets.counts(searched, storefront, null, locale).get(ProductFacetReads.WHOLE);
        return new SearchOutcome(page, counts.totalCount(), counts.facets(), searched);
    }
}
