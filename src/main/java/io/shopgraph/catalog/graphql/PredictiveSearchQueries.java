package io.shopgraph.catalog.graphql;

import java.util.List;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Type;

import io.shopgraph.catalog.api.ProductView;
import io.shopgraph.catalog.application.read.CatalogLocale;
import io.shopgraph.catalog.application.read.CollectionView;
import io.shopgraph.catalog.application.search.PredictiveSearch.Suggestions;
import io.shopgraph.catalog.application.search.PredictiveSearch;
import io.shopgraph.platform.security.Scope;
import io.shopgraph.platform.security.SharedOperation;
import io.shopgraph.platform.security.StoreAccess.Audience;
import io.shopgraph.platform.security.StoreAccess;

@GraphQLApi
public class PredictiveSearchQueries {

    private final PredictiveSearch search;
    private final StoreAccess access;

    PredictiveSearchQueries(PredictiveSearch search, StoreAccess access) {
        this.search = search;
        this.access = access;
    }

    @Query("predictiveSearch")
    @SharedOperation(merchantScope = Scope.READ_PRODUCTS)
    @NonNull
    @Description("Suggestions for a search box while the shopper types: the best matching products, matching collections and "
            + "completed queries. Products match as in search (prefixes, stems, folded accents, typos); the same "
            + "visibility as products. A text without any letter or digit suggests nothing.")
    public PredictiveSearchResult predictiveSearch(
            @NonNull @Name("query") @Description("What the shopper has typed so far.") String query,
            @Name("first") @DefaultValue("5") @Description("At most this many of each kind (1 to 25).") int first,
            @Name("locale") @Description(ProductQueries.LOCALE) String locale) {
        Suggestions found = search.suggest(query, first, access.audience() == Audience.STOREFRONT, CatalogLocale.parse(locale));
        return new PredictiveSearchResult(found.products(), found.collections(),
                found.queries().stream().map(SearchQuerySuggestion::new).toList());
    }

    @Type("PredictiveSearchResult")
    @Description("What a search box suggests for the text typed so far.")
    public record PredictiveSearchResult(
            @NonNull @Description("The best matching products, best first.") List<@NonNull ProductView> products,
            @NonNull @Description("Collections whose title matches.") List<@NonNull CollectionView> collections,
            @NonNull @Description("Queries to offer: the typed words with the last one completed to a word of matching "
                    + "products' titles (lower case, accents folded), most frequent first.") List<@NonNull SearchQuerySuggestion> queries) {
    }

    @Type("SearchQuerySuggestion")
    @Description("A query a search box can offer.")
    public record SearchQuerySuggestion(@NonNull @Description("The query text.") String text) {
    }
}
