package io.shopgraph.catalog.application;

import static io.shopgraph.catalog.application.Rows.str;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import io.shopgraph.catalog.api.ProductKind;
import io.shopgraph.catalog.application.SearchFacets.AvailabilityCount;
import io.shopgraph.catalog.application.SearchFacets.KindCount;
import io.shopgraph.catalog.application.SearchFacets.PriceRangeCount;
import io.shopgraph.catalog.application.SearchFacets.ValueCount;
import io.shopgraph.platform.errors.ApiException;
import io.shopgraph.platform.graphql.MoneyView;
import io.shopgraph.platform.graphql.Page;
import io.shopgraph.platform.graphql.PageRequest;
import io.shopgraph.platform.kernel.Money;
import io.shopgraph.platform.tenancy.TenantContext;

/**
 * Storefront search: the products matching a text query (PostgreSQL full-text search over the weighted
 * {@code catalog.product.search_document}, see {@link SearchText}) plus facet counts, in one transaction
 * of at most two statements: the page (through {@link CatalogReads#products}) and every facet and the
 * total in one grouped statement. A blank query finds nothing, without touching the database.
 */
@ApplicationScoped
public class CatalogSearch {

    /** Price range boundaries in major units of the store's currency; the last range is open-ended. */
    static final int[] PRICE_BOUNDARIES = { 0, 10, 25, 50, 100, 250, 500 };
    static final int FACET_VALUES = 50;

    /** 10^fraction digits of a currency code, in SQL: 100 unless the currency says otherwise. */
    private static final String MINOR_PER_MAJOR = minorPerMajorSql();
    /** The aggregates of the summary row: a0 total, a1 currency, then kinds, availability and price ranges. */
    private static final String SUMMARY_AGGREGATES;
    /** The summary row unpivoted into (facet, value, count) rows. */
    private static final String SUMMARY_ROWS;

    static {
        List<String> aggregates = new ArrayList<>(List.of("count(*) as a0", "min(m.currency_code) as a1"));
        List<String> rows = new ArrayList<>(List.of("('total', a.a1, a.a0)"));
        for (ProductKind kind : ProductKind.values()) {
            rows.add("('kind', '" + kind.name() + "', a.a" + aggregates.size() + ")");
            aggregates.add("count(*) filter (where m.kind = '" + kind.name() + "') as a" + aggregates.size());
        }
        rows.add("('available', 'true', a.a" + aggregates.size() + ")");
        aggregates.add("count(*) filter (where m.available) as a" + aggregates.size());
        rows.add("('available', 'false', a.a" + aggregates.size() + ")");
        aggregates.add("count(*) filter (where not m.available) as a" + aggregates.size());
        for (int i = 0; i < PRICE_BOUNDARIES.length; i++) {
            rows.add("('price', '" + i + "', a.a" + aggregates.size() + ")");
            String upper = i + 1 < PRICE_BOUNDARIES.length
                    ? " and m.min_price_minor < " + PRICE_BOUNDARIES[i + 1] + " * m.minor_per_major" : "";
            aggregates.add("count(*) filter (where m.max_price_minor >= " + PRICE_BOUNDARIES[i] + " * m.minor_per_major"
                    + upper + ") as a" + aggregates.size());
        }
        SUMMARY_AGGREGATES = String.join(", ", aggregates);
        SUMMARY_ROWS = String.join(", ", rows);
    }

    private final EntityManager em;
    private final TenantContext tenant;
    private final CatalogReads reads;

    CatalogSearch(EntityManager em, TenantContext tenant, CatalogReads reads) {
        this.em = em;
        this.tenant = tenant;
        this.reads = reads;
    }

    /**
     * Searches the store's products. {@code query} replaces any query of the filter; RELEVANCE is the
     * usual order. {@code withProducts}/{@code withFacets} skip the statements nobody asked for;
     * {@code locale} (parsed, or null for the base texts) picks the products' texts, not what is matched.
     */
    @Transactional
    public SearchOutcome search(String query, ProductFilter filter, ProductSortKey sortKey, boolean reverse,
            PageRequest request, boolean storefront, boolean withProducts, boolean withFacets, String locale) {
        if (sortKey == ProductSortKey.COLLECTION_DEFAULT) {
            throw ApiException.badRequest("COLLECTION_DEFAULT orders only a collection's products.");
        }
        ProductFilter searched = (filter == null ? ProductFilter.NONE : filter).withQuery(query);
        if (!searched.hasQuery() || searched.unknownCollection()) {
            return new SearchOutcome(Page.of(List.of(), request), 0, SearchFacets.EMPTY);
        }
        Page<CursoredProduct> page = withProducts ? reads.products(searched, sortKey, reverse, request, storefront, locale) : null;
        if (!withFacets) {
            return new SearchOutcome(page, 0, null);
        }
        return facets(searched, storefront, page);
    }

    private SearchOutcome facets(ProductFilter filter, boolean storefront, Page<CursoredProduct> page) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder matching = new StringBuilder("select p.kind, p.tags, p.vendor, p.available, p.min_price_minor, ")
                .append("p.max_price_minor, p.currency_code, ").append(MINOR_PER_MAJOR)
                .append(" as minor_per_major from catalog.product p where p.store_id = :store");
        params.put("store", tenant.store().orElseThrow().value());
        reads.appendConditions(matching, params, filter, storefront);
        // Three passes over the matching rows: one aggregate for the total, kinds, availability and price
        // ranges (unpivoted into rows), one group by tag, one by vendor.
        String sql = "with m as materialized (" + matching + ")"
                + " select s.facet, s.value, s.n from (select " + SUMMARY_AGGREGATES + " from m) as a"
                + "   cross join lateral (values " + SUMMARY_ROWS + ") as s(facet, value, n)"
                + " union all (select 'tag', t.tag, count(*) from m cross join unnest(m.tags) as t(tag)"
                + "   group by t.tag order by count(*) desc, t.tag limit " + FACET_VALUES + ")"
                + " union all (select 'vendor', m.vendor, count(*) from m where m.vendor <> '' group by m.vendor"
                + "   order by count(*) desc, m.vendor limit " + FACET_VALUES + ")";
        Query q = em.createNativeQuery(sql);
        params.forEach((name, value) -> {
            if (sql.contains(":" + name)) {
                q.setParameter(name, value);
            }
        });
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();

        int total = 0;
        String currency = null;
        List<KindCount> kinds = new ArrayList<>();
        List<ValueCount> tags = new ArrayList<>();
        List<ValueCount> vendors = new ArrayList<>();
        int available = 0;
        int unavailable = 0;
        Map<Integer, Integer> ranges = new TreeMap<>();
        for (Object[] r : rows) {
            String value = str(r[1]);
            int count = ((Number) r[2]).intValue();
            switch (str(r[0])) {
                case "total" -> {
                    total = count;
                    currency = value == null ? null : value.strip();
                }
                case "kind" -> {
                    if (count > 0) {
                        kinds.add(new KindCount(ProductKind.valueOf(value), count));
                    }
                }
                case "tag" -> tags.add(new ValueCount(value, count));
                case "vendor" -> vendors.add(new ValueCount(value, count));
                case "available" -> {
                    if ("true".equals(value)) {
                        available = count;
                    } else {
                        unavailable = count;
                    }
                }
                case "price" -> {
                    if (count > 0) {
                        ranges.put(Integer.parseInt(value), count);
                    }
                }
                default -> throw new IllegalStateException("Unknown facet row");
            }
        }
        kinds.sort(Comparator.comparingInt(KindCount::count).reversed().thenComparing(k -> k.value().name()));
        Comparator<ValueCount> byCount = Comparator.comparingInt(ValueCount::count).reversed().thenComparing(ValueCount::value);
        tags.sort(byCount);
        vendors.sort(byCount);
        List<PriceRangeCount> prices = new ArrayList<>();
        if (currency != null) {
            long minorPerMajor = minorPerMajor(currency);
            for (var range : ranges.entrySet()) {
                int i = range.getKey();
                Money min = Money.of(PRICE_BOUNDARIES[i] * minorPerMajor, currency);
                Money max = i + 1 < PRICE_BOUNDARIES.length ? Money.of(PRICE_BOUNDARIES[i + 1] * minorPerMajor - 1, currency) : null;
                prices.add(new PriceRangeCount(MoneyView.of(min), MoneyView.of(max), range.getValue()));
            }
        }
        return new SearchOutcome(page, total, new SearchFacets(List.copyOf(kinds), List.copyOf(tags), List.copyOf(vendors),
                new AvailabilityCount(available, unavailable), List.copyOf(prices)));
    }

    static long minorPerMajor(String currency) {
        return BigDecimal.TEN.pow(Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits())).longValueExact();
    }

    private static String minorPerMajorSql() {
        Map<Long, List<String>> byFactor = Currency.getAvailableCurrencies().stream()
                .filter(c -> c.getCurrencyCode().matches("[A-Z]{3}") && minorPerMajor(c.getCurrencyCode()) != 100)
                .collect(Collectors.groupingBy(c -> minorPerMajor(c.getCurrencyCode()), TreeMap::new,
                        Collectors.mapping(Currency::getCurrencyCode, Collectors.toList())));
        StringBuilder sql = new StringBuilder("case");
        byFactor.forEach((factor, codes) -> sql.append(" when p.currency_code in (")
                .append(codes.stream().sorted().map(c -> "'" + c + "'").collect(Collectors.joining(", ")))
                .append(") then ").append(factor));
        return sql.append(" else 100 end").toString();
    }
}
