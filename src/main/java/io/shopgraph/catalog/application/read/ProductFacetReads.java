package io.shopgraph.catalog.application.read;

import static io.shopgraph.catalog.application.read.Rows.str;
import static io.shopgraph.catalog.application.read.Rows.uuid;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import io.shopgraph.catalog.api.ProductKind;
import io.shopgraph.catalog.application.read.SearchFacets.AvailabilityCount;
import io.shopgraph.catalog.application.read.SearchFacets.KindCount;
import io.shopgraph.catalog.application.read.SearchFacets.OptionCount;
import io.shopgraph.catalog.application.read.SearchFacets.PriceRangeCount;
import io.shopgraph.catalog.application.read.SearchFacets.ValueCount;
import io.shopgraph.platform.graphql.MoneyView;
import io.shopgraph.platform.kernel.Money;
import io.shopgraph.platform.tenancy.TenantContext;

/**
 * The total and the facet counts of a product list, in <b>one statement</b> for a whole list or for the
 * products of many collections at once (partitioned by collection).
 *
 * <p>Counts are <b>disjunctive</b>: the matching rows (scope: store, visibility, text query, collection)
 * are read once into a materialized CTE with one boolean per facet group of the filter ("does this row
 * pass the kinds filter", ...); each facet group then counts the rows that pass every group but its own,
 * and the total counts the rows that pass them all. So choosing vendor A leaves vendor B's count as it
 * would be if B were chosen instead, and a sidebar can offer "A or B".
 */
@ApplicationScoped
public class ProductFacetReads {

    /** Price range boundaries in major units of the store's currency; the last range is open-ended. */
    public static final int[] PRICE_BOUNDARIES = { 0, 10, 25, 50, 100, 250, 500 };
    /** Most tags, vendors and values per option listed. */
    static final int TAG_VALUES = 50;
    static final int OPTION_VALUES = 100;
    /** Most distinct value lists per option read to order its values. */
    static final int ORDER_LISTS = 200;
    /** The key of a list that is not partitioned by collection. */
    public static final UUID WHOLE = new UUID(0, 0);

    private static final String MINOR_PER_MAJOR = minorPerMajorSql();

    /** The total and the counts of one list. */
    public record Counts(int totalCount, SearchFacets facets) {
        public static final Counts EMPTY = new Counts(0, SearchFacets.EMPTY);
    }

    private final EntityManager em;
    private final TenantContext tenant;
    private final ProductFilterSql filterSql;

    ProductFacetReads(EntityManager em, TenantContext tenant, ProductFilterSql filterSql) {
        this.em = em;
        this.tenant = tenant;
        this.filterSql = filterSql;
    }

    /**
     * Counts for the filtered products of the store ({@code collectionIds} null: key {@link #WHOLE}) or of
     * each of the collections (keyed by collection id). {@code locale} is the search locale of the query.
     */
    @Transactional
    public Map<UUID, Counts> counts(ProductFilter filter, boolean storefront, Collection<UUID> collectionIds, String locale) {
        Map<UUID, Counts> result = new HashMap<>();
        if (collectionIds == null) {
            result.put(WHOLE, Counts.EMPTY);
        } else {
            collectionIds.forEach(id -> result.put(id, Counts.EMPTY));
        }
        if (filter.unknownCollection() || (collectionIds != null && collectionIds.isEmpty())) {
            return result;
        }
        filter = filter.withSearchLocale(locale);
        Map<String, Object> params = new HashMap<>();
        params.put("store", tenant.requireStore().value());
        Map<String, String> groups = filterSql.groups(params, filter);
        List<String> keys = new ArrayList<>(groups.keySet());

        StringBuilder matching = new StringBuilder("select p.id, ")
                .append(collectionIds == null ? "cast(null as uuid)" : "cp.collection_id").append(" as part, p.kind, p.tags, p.vendor, ")
                .append("p.available, p.min_price_minor, p.max_price_minor, p.currency_code, ").append(MINOR_PER_MAJOR)
                .append(" as minor_per_major");
        for (int i = 0; i < keys.size(); i++) {
            matching.append(", (").append(groups.get(keys.get(i))).append(") as g").append(i);
        }
        matching.append(" from catalog.product p");
        if (collectionIds != null) {
            matching.append(" join catalog.collection_product cp on cp.store_id = p.store_id and cp.product_id = p.id")
                    .append(" and cp.collection_id in (:collections)");
            params.put("collections", List.copyOf(collectionIds));
        }
        matching.append(" where p.store_id = :store");
        filterSql.appendScope(matching, params, filter, storefront);

        String all = passing(keys, null, null);
        StringBuilder summary = new StringBuilder("count(*) filter (where ").append(all).append(") as a0, min(m.currency_code) as a1");
        List<String> rows = new ArrayList<>(List.of("('total', a.a1, a.a0, 0)"));
        int n = 2;
        String kinds = passing(keys, ProductFilterSql.KIND, null);
        for (ProductKind kind : ProductKind.values()) {
            rows.add("('kind', '" + kind.name() + "', a.a" + n + ", 0)");
            summary.append(", count(*) filter (where ").append(kinds).append(" and m.kind = '").append(kind.name()).append("') as a").append(n++);
        }
        String availability = passing(keys, ProductFilterSql.AVAILABLE, null);
        rows.add("('available', 'true', a.a" + n + ", 0)");
        summary.append(", count(*) filter (where ").append(availability).append(" and m.available) as a").append(n++);
        rows.add("('available', 'false', a.a" + n + ", 0)");
        summary.append(", count(*) filter (where ").append(availability).append(" and not m.available) as a").append(n++);
        String prices = passing(keys, ProductFilterSql.PRICE, null);
        for (int i = 0; i < PRICE_BOUNDARIES.length; i++) {
            rows.add("('price', '" + i + "', a.a" + n + ", 0)");
            String upper = i + 1 < PRICE_BOUNDARIES.length
                    ? " and m.min_price_minor < " + PRICE_BOUNDARIES[i + 1] + " * m.minor_per_major" : "";
            summary.append(", count(*) filter (where ").append(prices).append(" and m.max_price_minor >= ")
                    .append(PRICE_BOUNDARIES[i]).append(" * m.minor_per_major").append(upper).append(") as a").append(n++);
        }
        String sql = "with m as materialized (" + matching + ")"
                + " select a.part, s.facet, s.value, s.n, s.ord from (select m.part, " + summary + " from m group by m.part) as a"
                + "   cross join lateral (values " + String.join(", ", rows) + ") as s(facet, value, n, ord)"
                + " union all select part, 'tag', tag, n, 0 from (select m.part, t.tag, count(*) as n, row_number() over "
                + "   (partition by m.part order by count(*) desc, t.tag) as rn from m cross join unnest(m.tags) as t(tag)"
                + "   where " + passing(keys, ProductFilterSql.TAG, null) + " group by m.part, t.tag) x where x.rn <= " + TAG_VALUES
                + " union all select part, 'vendor', vendor, n, 0 from (select m.part, m.vendor, count(*) as n, row_number() over "
                + "   (partition by m.part order by count(*) desc, m.vendor) as rn from m where m.vendor <> '' and "
                + passing(keys, ProductFilterSql.VENDOR, null) + " group by m.part, m.vendor) x where x.rn <= " + TAG_VALUES
                // Options: each (product, option name, value) once; ordered by the option's position and the value's
                // position in the merchant's list of values.
                + " union all select part, 'option', name || chr(31) || val, n, ord from (select m.part, o.name, vv.val, count(*) as n,"
                + "   min(o.position) * 1000 + coalesce(min(array_position(o.option_values, vv.val)), 999) as ord, row_number() over"
                + "   (partition by m.part, o.name order by min(array_position(o.option_values, vv.val)), vv.val) as rn"
                + "   from m join catalog.product_option o on o.store_id = :store and o.product_id = m.id"
                + "   cross join lateral (select distinct v.option_values[o.position + 1] as val from catalog.product_variant v"
                + "     where v.store_id = :store and v.product_id = m.id) vv"
                + "   where vv.val is not null and " + passing(keys, null, "o.name") + " group by m.part, o.name, vv.val) x"
                + "   where x.rn <= " + OPTION_VALUES
                // The merchants' value lists of each option (most common first), to merge into one display order.
                + " union all select part, 'order', name || chr(31) || vals, n, 0 from (select m.part, o.name,"
                + "   array_to_string(o.option_values, chr(31)) as vals, count(*) as n, row_number() over"
                + "   (partition by m.part, o.name order by count(*) desc, array_to_string(o.option_values, chr(31))) as rn"
                + "   from m join catalog.product_option o on o.store_id = :store and o.product_id = m.id"
                + "   group by m.part, o.name, o.option_values) x where x.rn <= " + ORDER_LISTS;
        Query q = em.createNativeQuery(sql);
        params.forEach((name, value) -> {
            if (sql.contains(":" + name)) {
                q.setParameter(name, value);
            }
        });
        @SuppressWarnings("unchecked")
        List<Object[]> found = q.getResultList();
        Map<UUID, List<Object[]>> byPart = new HashMap<>();
        for (Object[] r : found) {
            byPart.computeIfAbsent(r[0] == null ? WHOLE : uuid(r[0]), k -> new ArrayList<>()).add(r);
        }
        byPart.forEach((part, partRows) -> result.put(part, counts(partRows)));
        return result;
    }

    /**
     * The condition "passes every facet group of the filter except {@code except}". For option counts
     * ({@code optionName} set) the group of the row's own option name is the one left out: an option group
     * {@code option:N} is written as (the counted option is N or the row passes it).
     */
    private static String passing(List<String> keys, String except, String optionName) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i);
            if (key.equals(except)) {
                continue;
            }
            if (optionName != null && key.startsWith(ProductFilterSql.OPTION)) {
                // The option's name is bound as the group's :fonI parameter (see ProductFilterSql.groups).
                parts.add("(" + optionName + " = :fon" + optionIndex(keys, i) + " or m.g" + i + ")");
            } else {
                parts.add("m.g" + i);
            }
        }
        return parts.isEmpty() ? "true" : String.join(" and ", parts);
    }

    /** The index ProductFilterSql gave the option group at keys[i]: option groups are numbered in order. */
    private static int optionIndex(List<String> keys, int i) {
        int index = 0;
        for (int k = 0; k < i; k++) {
            if (keys.get(k).startsWith(ProductFilterSql.OPTION)) {
                index++;
            }
        }
        return index;
    }

    private static Counts counts(List<Object[]> rows) {
        int total = 0;
        String currency = null;
        List<KindCount> kinds = new ArrayList<>();
        List<ValueCount> tags = new ArrayList<>();
        List<ValueCount> vendors = new ArrayList<>();
        int available = 0;
        int unavailable = 0;
        Map<Integer, Integer> ranges = new TreeMap<>();
        Map<String, List<Object[]>> options = new LinkedHashMap<>();
        Map<String, Long> optionOrder = new HashMap<>();
        Map<String, List<List<String>>> valueLists = new HashMap<>();
        for (Object[] r : rows) {
            String value = str(r[2]);
            int count = ((Number) r[3]).intValue();
            switch (str(r[1])) {
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
                case "order" -> {
                    String[] parts = value.split("\u001f", -1);
                    valueLists.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(List.of(parts).subList(1, parts.length));
                }
                case "option" -> {
                    String name = value.substring(0, value.indexOf('\u001f'));
                    long ord = ((Number) r[4]).longValue();
                    options.computeIfAbsent(name, k -> new ArrayList<>()).add(r);
                    optionOrder.merge(name, ord / 1000, Math::min);
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
        List<OptionCount> optionCounts = options.entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, List<Object[]>>>comparingLong(e -> optionOrder.get(e.getKey()))
                        .thenComparing(Map.Entry::getKey))
                .map(e -> {
                    Map<String, Integer> counts = new LinkedHashMap<>();
                    Map<String, Long> positions = new HashMap<>();
                    for (Object[] r : e.getValue()) {
                        String v = str(r[2]).substring(str(r[2]).indexOf('\u001f') + 1);
                        counts.put(v, ((Number) r[3]).intValue());
                        positions.put(v, ((Number) r[4]).longValue() % 1000);
                    }
                    List<String> order = OptionValueOrder.merge(counts.keySet(), valueLists.getOrDefault(e.getKey(), List.of()),
                            Comparator.<String>comparingLong(positions::get).thenComparing(Comparator.naturalOrder()));
                    return new OptionCount(e.getKey(), order.stream().map(v -> new ValueCount(v, counts.get(v))).toList());
                })
                .toList();
        return new Counts(total, new SearchFacets(List.copyOf(kinds), List.copyOf(tags), List.copyOf(vendors),
                new AvailabilityCount(available, unavailable), List.copyOf(prices), optionCounts));
    }

    static long minorPerMajor(String currency) {
        return BigDecimal.TEN.pow(Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits())).longValueExact();
    }

    /** 10^fraction digits of a currency code, in SQL: 100 unless the currency says otherwise. */
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
