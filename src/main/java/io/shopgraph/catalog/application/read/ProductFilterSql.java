package io.shopgraph.catalog.application.read;

import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.shopgraph.catalog.api.ProductKind;
import io.shopgraph.catalog.api.SelectedOption;
import io.shopgraph.platform.tenancy.TenantContext;
import io.shopgraph.store.api.StoreApi;

/**
 * A {@link ProductFilter} as SQL over {@code catalog.product p}, in two parts: the <b>scope</b> (store,
 * visibility, text query, collection) and the <b>facet groups</b> (kinds, tags, vendors, availability,
 * price, one group per option name). A listing applies all of them; a disjunctive facet count applies
 * the scope and every group but its own (see {@link ProductFacetReads}). Conditions bind their values
 * into {@code params}; the caller binds {@code :store}.
 */
@ApplicationScoped
public class ProductFilterSql {

    /** Storefronts see ACTIVE products published at or before now. */
    public static final String VISIBLE = " and p.status = 'ACTIVE' and p.published_at <= now()";

    public static final String KIND = "kind";
    public static final String TAG = "tag";
    public static final String VENDOR = "vendor";
    public static final String AVAILABLE = "available";
    public static final String PRICE = "price";
    /** Prefix of an option group's key: "option:" + the option's name. */
    public static final String OPTION = "option:";

    private final TenantContext tenant;
    private final StoreApi stores;
    private final StoreSearchLanguage language;

    ProductFilterSql(TenantContext tenant, StoreApi stores, StoreSearchLanguage language) {
        this.tenant = tenant;
        this.stores = stores;
        this.language = language;
    }

    /** Appends the whole filter: scope and every group. */
    public void append(StringBuilder sql, Map<String, Object> params, ProductFilter filter, boolean storefront) {
        appendScope(sql, params, filter, storefront);
        groups(params, filter).values().forEach(condition -> sql.append(" and ").append(condition));
    }

    /** Appends the scope: visibility and the text query. The collection is part of it too. */
    public void appendScope(StringBuilder sql, Map<String, Object> params, ProductFilter filter, boolean storefront) {
        if (storefront) {
            sql.append(VISIBLE);
        }
        if (filter.hasQuery()) {
            appendQuery(sql, params, filter, storefront);
        }
        if (filter.collectionId() != null) {
            sql.append(" and exists (select 1 from catalog.collection_product cf where cf.store_id = p.store_id "
                    + "and cf.collection_id = :fc and cf.product_id = p.id)");
            params.put("fc", filter.collectionId());
        }
    }

    /** The condition of each facet group the filter uses, by group key, in a stable order. */
    public Map<String, String> groups(Map<String, Object> params, ProductFilter filter) {
        Map<String, String> groups = new LinkedHashMap<>();
        if (!filter.kinds().isEmpty()) {
            groups.put(KIND, "p.kind in (:kinds)");
            params.put("kinds", filter.kinds().stream().map(ProductKind::name).toList());
        }
        if (!filter.tags().isEmpty()) {
            groups.put(TAG, "exists (select 1 from unnest(p.tags) t where t in (:tags))");
            params.put("tags", filter.tags());
        }
        if (!filter.vendors().isEmpty()) {
            groups.put(VENDOR, "p.vendor in (:vendors)");
            params.put("vendors", filter.vendors());
        }
        if (filter.available() != null) {
            groups.put(AVAILABLE, "p.available = :available");
            params.put("available", filter.available());
        }
        if (filter.minPrice() != null || filter.maxPrice() != null) {
            // Prices are in the store's currency; a bound is rounded outwards to whole minor units.
            String currency = stores.settings(Set.of(tenant.requireStore())).values().iterator().next().currencyCode();
            int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
            List<String> bounds = new ArrayList<>();
            if (filter.minPrice() != null) {
                bounds.add("p.max_price_minor >= :pmin");
                params.put("pmin", minorUnitsClamped(filter.minPrice().movePointRight(digits).setScale(0, RoundingMode.CEILING)));
            }
            if (filter.maxPrice() != null) {
                bounds.add("p.min_price_minor <= :pmax");
                params.put("pmax", minorUnitsClamped(filter.maxPrice().movePointRight(digits).setScale(0, RoundingMode.FLOOR)));
            }
            groups.put(PRICE, String.join(" and ", bounds));
        }
        Map<String, List<String>> options = new LinkedHashMap<>();
        for (SelectedOption option : filter.variantOptions()) {
            options.computeIfAbsent(option.name(), k -> new ArrayList<>()).add(option.value());
        }
        int i = 0;
        for (var option : options.entrySet()) {
            // A variant of the product has one of the values for the option of that name (positions are 0-based).
            groups.put(OPTION + option.getKey(), "exists (select 1 from catalog.product_option fo "
                    + "join catalog.product_variant fv on fv.store_id = fo.store_id and fv.product_id = fo.product_id "
                    + "where fo.store_id = p.store_id and fo.product_id = p.id and fo.name = :fon" + i
                    + " and fv.option_values[fo.position + 1] in (:fov" + i + "))");
            params.put("fon" + i, option.getKey());
            params.put("fov" + i, option.getValue());
            i++;
        }
        return groups;
    }

    /**
     * The text query: the words (prefixes, stems in the store's language, accents folded), or a tag equal
     * to the whole text, or the words in a translation of the search locale; and when none of those
     * matches any product of the store, titles within trigram distance of the words (typo tolerance).
     */
    private void appendQuery(StringBuilder sql, Map<String, Object> params, ProductFilter filter, boolean storefront) {
        String terms = SearchText.terms(filter.query());
        params.put("tsq", terms);
        params.put("qt", SearchText.tag(filter.query()));
        params.put("qraw", SearchText.plain(filter.query()));
        params.put("qword", SearchText.longestWord(filter.query()));
        params.put("lang", language.of(tenant.requireStore()));
        if (terms.isEmpty()) {
            sql.append(" and p.tags @> array[cast(:qt as text)]");
            return;
        }
        String match = match("p", filter, params);
        if (!SearchText.fuzzy(filter.query())) {
            sql.append(" and ").append(match);
            return;
        }
        // The fallback's "nothing matched" is uncorrelated, so PostgreSQL evaluates it once per statement.
        sql.append(" and (").append(match).append(" or (not exists (select 1 from catalog.product p0 where p0.store_id = :store")
                .append(storefront ? VISIBLE.replace("p.", "p0.") : "").append(" and ").append(match("p0", filter, params))
                .append(") and catalog.word_similarity(catalog.search_fold(cast(:qraw as text)), catalog.search_fold(p.title)) >= ")
                .append(SearchText.FUZZY_THRESHOLD).append("))");
    }

    private static String match(String alias, ProductFilter filter, Map<String, Object> params) {
        StringBuilder match = new StringBuilder("(").append(alias).append(".search_document @@ ").append(SearchText.TSQUERY)
                .append(" or ").append(alias).append(".tags @> array[cast(:qt as text)]");
        if (filter.searchLocale() != null) {
            String locale = filter.searchLocale();
            String lang = locale.contains("-") ? locale.substring(0, locale.indexOf('-')) : locale;
            params.put("sloc", List.copyOf(new java.util.LinkedHashSet<>(List.of(locale, lang))));
            params.put("slang", locale);
            match.append(" or exists (select 1 from catalog.product_translation st where st.store_id = ").append(alias)
                    .append(".store_id and st.product_id = ").append(alias).append(".id and st.locale in (:sloc) and st.search_document @@ ")
                    .append("catalog.search_query(catalog.search_config(cast(:slang as text)), cast(:tsq as text)))");
        }
        return match.append(")").toString();
    }

    /**
     * A price bound in minor units; a bound beyond the range of prices is clamped to it, so that a huge
     * minimum finds nothing and a huge maximum finds everything (longValue() would wrap around).
     */
    static long minorUnitsClamped(java.math.BigDecimal wholeMinorUnits) {
        if (wholeMinorUnits.compareTo(java.math.BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            return Long.MAX_VALUE;
        }
        if (wholeMinorUnits.compareTo(java.math.BigDecimal.valueOf(Long.MIN_VALUE)) < 0) {
            return Long.MIN_VALUE;
        }
        return wholeMinorUnits.longValueExact();
    }
}
