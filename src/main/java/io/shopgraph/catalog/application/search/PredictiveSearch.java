package io.shopgraph.catalog.application.search;

import static io.shopgraph.catalog.application.read.Rows.str;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import io.shopgraph.catalog.api.ProductView;
import io.shopgraph.catalog.application.read.CatalogLocale;
import io.shopgraph.catalog.application.read.CatalogReads;
import io.shopgraph.catalog.application.read.CollectionRow;
import io.shopgraph.catalog.application.read.CollectionView;
import io.shopgraph.catalog.application.read.CursoredProduct;
import io.shopgraph.catalog.application.read.ProductFilter;
import io.shopgraph.catalog.application.read.ProductFilterSql;
import io.shopgraph.catalog.application.read.ProductSortKey;
import io.shopgraph.catalog.application.read.SearchText;
import io.shopgraph.catalog.application.read.StoreSearchLanguage;
import io.shopgraph.platform.errors.ApiException;
import io.shopgraph.platform.graphql.PageRequest;
import io.shopgraph.platform.tenancy.TenantContext;

/**
 * A search box's suggestions while the shopper types: the best products (the search's own match and
 * RELEVANCE order), the collections whose title matches, and query completions (the typed words with the
 * last one completed to a word of the matching products' titles, most frequent first). Three statements;
 * none for a text without any letter or digit.
 */
@ApplicationScoped
public class PredictiveSearch {

    public static final int MAX_FIRST = 25;

    /** What the search box shows. */
    public record Suggestions(List<ProductView> products, List<CollectionView> collections, List<String> queries) {
        static final Suggestions NONE = new Suggestions(List.of(), List.of(), List.of());
    }

    private final EntityManager em;
    private final TenantContext tenant;
    private final CatalogReads reads;
    private final StoreSearchLanguage language;

    PredictiveSearch(EntityManager em, TenantContext tenant, CatalogReads reads, StoreSearchLanguage language) {
        this.em = em;
        this.tenant = tenant;
        this.reads = reads;
        this.language = language;
    }

    /** At most {@code first} of each kind; {@code locale} as in search (texts shown, translations matched). */
    @Transactional
    public Suggestions suggest(String query, int first, boolean storefront, String locale) {
        if (first < 1 || first > MAX_FIRST) {
            throw ApiException.limitExceeded("first must be between 1 and " + MAX_FIRST + ".");
        }
        String terms = SearchText.terms(query);
        if (terms.isEmpty()) {
            return Suggestions.NONE;
        }
        List<ProductView> products = reads.products(ProductFilter.NONE.withQuery(query), ProductSortKey.RELEVANCE, false,
                PageRequest.forward(first, null), storefront, locale).items().stream().map(CursoredProduct::product).toList();

        Map<String, Object> params = new HashMap<>();
        params.put("store", tenant.requireStore().value());
        params.put("tsq", terms);
        params.put("lang", language.of(tenant.requireStore()));
        params.put("first", first);
        String collectionsSql = "select " + CollectionRow.columns(locale) + " from catalog.collection c"
                + CatalogLocale.collectionJoin(locale, params) + " where c.store_id = :store and to_tsvector('catalog.search_simple', "
                + "c.title) @@ " + SearchText.TSQUERY + " order by ts_rank(to_tsvector('catalog.search_simple', c.title), "
                + SearchText.TSQUERY + ") desc, c.title, c.id limit :first";
        List<CollectionView> collections = run(collectionsSql, params).stream()
                .map(r -> CollectionRow.view(r, 0, locale)).toList();

        return new Suggestions(products, collections, completions(query, storefront, params));
    }

    /** The typed text with its last word completed to the title words of the matching products. */
    private List<String> completions(String query, boolean storefront, Map<String, Object> params) {
        String plain = SearchText.plain(query).toLowerCase();
        int lastSpace = plain.lastIndexOf(' ');
        String before = lastSpace < 0 ? "" : plain.substring(0, lastSpace + 1);
        params.put("last", plain.substring(lastSpace + 1));
        String sql = "select w.word from catalog.product p cross join lateral regexp_split_to_table("
                + "catalog.search_fold(p.title), '\\W+') as w(word) where p.store_id = :store"
                + (storefront ? ProductFilterSql.VISIBLE : "") + " and p.search_document @@ " + SearchText.TSQUERY
                // The last word holds only letters, digits and marks (SearchText), nothing LIKE would interpret.
                + " and w.word like catalog.search_fold(cast(:last as text)) || '%'"
                + " group by w.word order by count(distinct p.id) desc, length(w.word), w.word limit :first";
        List<String> queries = new ArrayList<>();
        for (Object row : runScalar(sql, params)) {
            queries.add(before + str(row));
        }
        return queries;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> run(String sql, Map<String, Object> params) {
        return (List<Object[]>) query(sql, params).getResultList();
    }

    private List<?> runScalar(String sql, Map<String, Object> params) {
        return query(sql, params).getResultList();
    }

    private Query query(String sql, Map<String, Object> params) {
        Query query = em.createNativeQuery(sql);
        params.forEach((name, value) -> {
            if (sql.contains(":" + name)) {
                query.setParameter(name, value);
            }
        });
        return query;
    }
}
