package io.shopgraph.catalog.graphql;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import io.shopgraph.catalog.application.read.CatalogLocale;
import io.shopgraph.catalog.application.read.FacetScope;
import io.shopgraph.catalog.application.read.ProductFacetReads.Counts;
import io.shopgraph.catalog.application.read.ProductSortKey;
import io.shopgraph.catalog.application.search.CatalogSearch;
import io.shopgraph.catalog.application.search.SearchOutcome;
import io.shopgraph.platform.graphql.PageRequest;
import io.shopgraph.platform.security.Scope;
import io.shopgraph.platform.security.SharedOperation;
import io.shopgraph.platform.security.StoreAccess.Audience;
import io.shopgraph.platform.security.StoreAccess;
import io.smallrye.graphql.api.Context;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingFieldSelectionSet;

@GraphQLApi
public class SearchQueries {

    private final CatalogSearch search;
    private final StoreAccess access;
    private final Context context;
    private final FacetMemo memo;

    SearchQueries(CatalogSearch search, StoreAccess access, Context context, FacetMemo memo) {
        this.search = search;
        this.access = access;
        this.context = context;
        this.memo = memo;
    }

    @Query("search")
    @SharedOperation(merchantScope = Scope.READ_PRODUCTS)
    @NonNull
    @Description("Full-text search of the store's products (title, then tags and vendor, then description; every word "
            + "matches as a prefix, so \"shi\" finds \"Shirt\"), with facet counts. The same visibility as products: "
            + "storefronts see only ACTIVE products published at or before now. Words also match in their stemmed form in the "
            + "store's language (\"shirts\" finds \"Shirt\"), accents are folded (\"creme\" finds \"Crème\"), a title within a "
            + "typo of the words is found when nothing else is (\"shrit\" finds \"Shirt\"), and with `locale` the translations "
            + "in that locale are searched too. A blank query does not filter by text (the filtered products, e.g. a collection's, "
            + "in id order); a query without any letter or digit finds only a tag equal to it.")
    public SearchResult search(
            @NonNull @Name("query") @Description("What the shopper typed; punctuation only separates words.") String query,
            @Name("first") @Description("How many products to return after `after` (at most 100, default 20).") Integer first,
            @Name("after") @Description("Return products after this cursor.") String after,
            @Name("last") @Description("How many products to return before `before` (at most 100).") Integer last,
            @Name("before") @Description("Return products before this cursor.") String before,
            @Name("filter") @Description("Narrows the search; its own `query` is replaced by `query`.") ProductFilterInput filter,
            @Name("sortKey") @DefaultValue("RELEVANCE") @Description("The order of the products.") ProductSortKey sortKey,
            @Name("reverse") @DefaultValue("false") @Description("Whether to reverse the order.") boolean reverse,
            @Name("locale") @Description(ProductQueries.LOCALE) String locale) {
        String readLocale = CatalogLocale.parse(locale);
        PageRequest request = PageRequest.of(first, after, last, before);
        DataFetchingFieldSelectionSet selection = context.unwrap(DataFetchingEnvironment.class).getSelectionSet();
        boolean withFacets = selection.contains("facets") || selection.contains("totalCount");
        boolean storefront = access.audience() == Audience.STOREFRONT;
        SearchOutcome found = search.search(query, ProductFilterInput.toFilter(filter), sortKey, reverse, request,
                storefront, selection.contains("products"), withFacets, readLocale);
        FacetScope scope = new FacetScope(found.searched(), storefront, null, readLocale);
        if (found.facets() != null) {
            // products { totalCount facets } of the same search reuse these counts.
            memo.remember(scope, new Counts(found.totalCount(), found.facets()));
        }
        return new SearchResult(found.products() == null ? null : ProductConnection.of(found.products(), scope), found.totalCount(),
                found.facets());
    }
}
