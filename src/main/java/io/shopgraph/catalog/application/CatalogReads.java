package io.shopgraph.catalog.application;

import static io.shopgraph.catalog.application.Rows.bool;
import static io.shopgraph.catalog.application.Rows.instant;
import static io.shopgraph.catalog.application.Rows.integer;
import static io.shopgraph.catalog.application.Rows.list;
import static io.shopgraph.catalog.application.Rows.lng;
import static io.shopgraph.catalog.application.Rows.str;
import static io.shopgraph.catalog.application.Rows.uuid;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import io.shopgraph.catalog.api.ImageView;
import io.shopgraph.catalog.api.ProductKind;
import io.shopgraph.catalog.api.ProductOptionView;
import io.shopgraph.catalog.api.ProductPriceRange;
import io.shopgraph.catalog.api.ProductStatus;
import io.shopgraph.catalog.api.ProductVariantView;
import io.shopgraph.catalog.api.ProductView;
import io.shopgraph.catalog.api.SelectedOption;
import io.shopgraph.platform.errors.ApiException;
import io.shopgraph.platform.graphql.Cursor;
import io.shopgraph.platform.graphql.MoneyView;
import io.shopgraph.platform.graphql.Page;
import io.shopgraph.platform.graphql.PageRequest;
import io.shopgraph.platform.kernel.GlobalId;
import io.shopgraph.platform.kernel.Money;
import io.shopgraph.platform.tenancy.TenantContext;
import io.shopgraph.store.api.StoreApi;

/**
 * The catalog's read path: native SQL projected straight to view records, one statement per list
 * and per batch of nested fields. {@code storefront} reads see only ACTIVE products published at or
 * before now; every query is also scoped to the current store (and row-level security checks it).
 */
@ApplicationScoped
public class CatalogReads {

    static final String VISIBLE = " and p.status = 'ACTIVE' and p.published_at <= now()";

    private static final String PRODUCT_COLUMNS = "p.id, p.title, p.handle, p.description, p.description_html, p.vendor, "
            + "p.kind, array_to_string(p.tags, chr(31)), p.status, p.published_at, p.created_at, p.min_price_minor, "
            + "p.max_price_minor, p.currency_code, fi.id as fi_id, fi.url, fi.alt, fi.width, fi.height, "
            + "(select string_agg(o.name || chr(30) || array_to_string(o.option_values, chr(31)), chr(29) order by o.position) "
            + "from catalog.product_option o where o.store_id = p.store_id and o.product_id = p.id) as options_packed, p.available";
    private static final String FEATURED_IMAGE = " left join lateral (select m.id, m.url, m.alt, m.width, m.height "
            + "from catalog.product_media m where m.store_id = p.store_id and m.product_id = p.id "
            + "order by m.position limit 1) fi on true";

    private final EntityManager em;
    private final TenantContext tenant;
    private final StoreApi stores;

    CatalogReads(EntityManager em, TenantContext tenant, StoreApi stores) {
        this.em = em;
        this.tenant = tenant;
        this.stores = stores;
    }

    /** One page of the store's products. */
    @Transactional
    public Page<CursoredProduct> products(ProductFilter filter, ProductSortKey sortKey, boolean reverse,
            PageRequest request, boolean storefront) {
        if (sortKey == ProductSortKey.COLLECTION_DEFAULT) {
            throw ApiException.badRequest("COLLECTION_DEFAULT orders only a collection's products.");
        }
        checkRelevance(sortKey, filter);
        if (filter.unknownCollection()) {
            return Page.of(List.of(), request);
        }
        Map<String, Object> params = new HashMap<>();
        StringBuilder sql = new StringBuilder("select ").append(PRODUCT_COLUMNS).append(", cast(")
                .append(sortKey.expression).append(" as text) from catalog.product p").append(FEATURED_IMAGE)
                .append(" where p.store_id = :store");
        params.put("store", store());
        appendConditions(sql, params, filter, storefront);
        boolean descending = sortKey.descendingByDefault ^ reverse ^ request.backward();
        appendKeyset(sql, params, sortKey, descending, request.cursor());
        String dir = descending ? " desc" : " asc";
        sql.append(" order by ").append(sortKey.expression).append(dir).append(", p.id").append(dir).append(" limit :limit");
        params.put("limit", request.size() + 1);
        List<CursoredProduct> rows = run(sql.toString(), params).stream()
                .map(r -> new CursoredProduct(cursor(sortKey, str(r[21]), uuid(r[0])), product(r))).toList();
        return Page.of(rows, request);
    }

    /** The same page of products for each collection, in one statement (used by Collection.products). */
    @Transactional
    public Map<UUID, Page<CursoredProduct>> collectionProducts(Collection<UUID> collectionIds, ProductFilter filter,
            ProductSortKey sortKey, boolean reverse, PageRequest request, boolean storefront) {
        checkRelevance(sortKey, filter);
        Map<String, Object> params = new HashMap<>();
        boolean descending = sortKey.descendingByDefault ^ reverse ^ request.backward();
        String dir = descending ? " desc" : " asc";
        StringBuilder inner = new StringBuilder("select ").append(PRODUCT_COLUMNS).append(", cast(")
                .append(sortKey.expression).append(" as text) as sort_key, cp.collection_id as part, ")
                .append("row_number() over (partition by cp.collection_id order by ").append(sortKey.expression).append(dir)
                .append(", p.id").append(dir).append(") as rn from catalog.product p")
                .append(" join catalog.collection_product cp on cp.store_id = p.store_id and cp.product_id = p.id")
                .append(" and cp.collection_id in (:collections)").append(FEATURED_IMAGE)
                .append(" where p.store_id = :store");
        params.put("store", store());
        params.put("collections", List.copyOf(collectionIds));
        appendConditions(inner, params, filter, storefront);
        appendKeyset(inner, params, sortKey, descending, request.cursor());
        String sql = "select * from (" + inner + ") x where x.rn <= :limit order by x.part, x.rn";
        params.put("limit", request.size() + 1);
        Map<UUID, List<CursoredProduct>> grouped = new LinkedHashMap<>();
        collectionIds.forEach(id -> grouped.put(id, new ArrayList<>()));
        for (Object[] r : run(sql, params)) {
            grouped.get(uuid(r[22])).add(new CursoredProduct(cursor(sortKey, str(r[21]), uuid(r[0])), product(r)));
        }
        Map<UUID, Page<CursoredProduct>> pages = new HashMap<>();
        grouped.forEach((id, rows) -> pages.put(id, Page.of(rows, request)));
        return pages;
    }

    /** The products with these ids that the audience may see, by id. */
    @Transactional
    public Map<UUID, ProductView> productsByIds(Collection<UUID> ids, boolean storefront) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        String sql = "select " + PRODUCT_COLUMNS + " from catalog.product p" + FEATURED_IMAGE
                + " where p.store_id = :store and p.id in (:ids)" + (storefront ? VISIBLE : "");
        Map<UUID, ProductView> found = new HashMap<>();
        for (Object[] r : run(sql, Map.of("store", store(), "ids", List.copyOf(ids)))) {
            found.put(uuid(r[0]), product(r));
        }
        return found;
    }

    @Transactional
    public Optional<ProductView> productByHandle(String handle, boolean storefront) {
        String sql = "select " + PRODUCT_COLUMNS + " from catalog.product p" + FEATURED_IMAGE
                + " where p.store_id = :store and p.handle = :handle" + (storefront ? VISIBLE : "");
        return run(sql, Map.of("store", store(), "handle", handle)).stream().findFirst().map(CatalogReads::product);
    }

    /** Up to {@code limit} variants of each product in position order, plus whether more exist. */
    @Transactional
    public Map<UUID, List<ProductVariantView>> variants(Collection<UUID> productIds, int limit) {
        String sql = "select * from (select v.id, v.product_id, v.sku, v.title, array_to_string(v.option_values, chr(31)), "
                + "v.price_minor, v.compare_at_minor, v.currency_code, v.weight_grams, v.requires_shipping, v.taxable, "
                + "vi.id as vi_id, vi.url, vi.alt, vi.width, vi.height, "
                + "(select string_agg(o.name, chr(31) order by o.position) from catalog.product_option o "
                + "  where o.store_id = v.store_id and o.product_id = v.product_id) as option_names, "
                + "row_number() over (partition by v.product_id order by v.position, v.id) as rn "
                + "from catalog.product_variant v left join lateral (select m.id, m.url, m.alt, m.width, m.height "
                + "  from catalog.product_media m where m.store_id = v.store_id and m.variant_id = v.id "
                + "  order by m.position limit 1) vi on true "
                + "where v.store_id = :store and v.product_id in (:ids)) x where x.rn <= :limit order by x.product_id, x.rn";
        Map<UUID, List<ProductVariantView>> found = new HashMap<>();
        for (Object[] r : run(sql, Map.of("store", store(), "ids", List.copyOf(productIds), "limit", limit))) {
            found.computeIfAbsent(uuid(r[1]), k -> new ArrayList<>()).add(variant(r));
        }
        return found;
    }

    /** Variants by id whose product the audience may see, by id. */
    @Transactional
    public Map<UUID, ProductVariantView> variantsByIds(Collection<UUID> ids, boolean storefront) {
        String sql = "select v.id, v.product_id, v.sku, v.title, array_to_string(v.option_values, chr(31)), "
                + "v.price_minor, v.compare_at_minor, v.currency_code, v.weight_grams, v.requires_shipping, v.taxable, "
                + "vi.id as vi_id, vi.url, vi.alt, vi.width, vi.height, "
                + "(select string_agg(o.name, chr(31) order by o.position) from catalog.product_option o "
                + "  where o.store_id = v.store_id and o.product_id = v.product_id) as option_names "
                + "from catalog.product_variant v join catalog.product p on p.store_id = v.store_id and p.id = v.product_id "
                + "left join lateral (select m.id, m.url, m.alt, m.width, m.height "
                + "  from catalog.product_media m where m.store_id = v.store_id and m.variant_id = v.id "
                + "  order by m.position limit 1) vi on true "
                + "where v.store_id = :store and v.id in (:ids)" + (storefront ? VISIBLE : "");
        Map<UUID, ProductVariantView> found = new HashMap<>();
        for (Object[] r : run(sql, Map.of("store", store(), "ids", List.copyOf(ids)))) {
            found.put(uuid(r[0]), variant(r));
        }
        return found;
    }

    @Transactional
    public Map<UUID, List<ImageView>> images(Collection<UUID> productIds) {
        String sql = "select m.id, m.url, m.alt, m.width, m.height, m.product_id from catalog.product_media m "
                + "where m.store_id = :store and m.product_id in (:ids) order by m.product_id, m.position";
        Map<UUID, List<ImageView>> found = new HashMap<>();
        for (Object[] r : run(sql, Map.of("store", store(), "ids", List.copyOf(productIds)))) {
            found.computeIfAbsent(uuid(r[5]), k -> new ArrayList<>()).add(image(r, 0));
        }
        return found;
    }

    /** The collections each product belongs to, by title. */
    @Transactional
    public Map<UUID, List<CollectionView>> collectionsOfProducts(Collection<UUID> productIds) {
        String sql = "select cp.product_id, " + COLLECTION_COLUMNS + " from catalog.collection_product cp "
                + "join catalog.collection c on c.store_id = cp.store_id and c.id = cp.collection_id "
                + "where cp.store_id = :store and cp.product_id in (:ids) order by cp.product_id, c.title, c.id";
        Map<UUID, List<CollectionView>> found = new HashMap<>();
        for (Object[] r : run(sql, Map.of("store", store(), "ids", List.copyOf(productIds)))) {
            found.computeIfAbsent(uuid(r[0]), k -> new ArrayList<>()).add(collection(r, 1));
        }
        return found;
    }

    private static final String COLLECTION_COLUMNS = "c.id, c.handle, c.title, c.description, c.image_url, c.image_alt";

    /** One page of the store's collections, by id. */
    @Transactional
    public Page<CollectionView> collections(PageRequest request) {
        Map<String, Object> params = new HashMap<>();
        params.put("store", store());
        String dir = request.backward() ? " desc" : " asc";
        StringBuilder sql = new StringBuilder("select " + COLLECTION_COLUMNS + " from catalog.collection c where c.store_id = :store");
        request.cursor().ifPresent(c -> {
            sql.append(request.backward() ? " and c.id < :after" : " and c.id > :after");
            params.put("after", collectionCursor(c));
        });
        sql.append(" order by c.id").append(dir).append(" limit :limit");
        params.put("limit", request.size() + 1);
        return Page.of(run(sql.toString(), params).stream().map(r -> collection(r, 0)).toList(), request);
    }

    @Transactional
    public Map<UUID, CollectionView> collectionsByIds(Collection<UUID> ids) {
        String sql = "select " + COLLECTION_COLUMNS + " from catalog.collection c where c.store_id = :store and c.id in (:ids)";
        Map<UUID, CollectionView> found = new HashMap<>();
        for (Object[] r : run(sql, Map.of("store", store(), "ids", List.copyOf(ids)))) {
            found.put(uuid(r[0]), collection(r, 0));
        }
        return found;
    }

    @Transactional
    public Optional<CollectionView> collectionByHandle(String handle) {
        String sql = "select " + COLLECTION_COLUMNS + " from catalog.collection c where c.store_id = :store and c.handle = :handle";
        return run(sql, Map.of("store", store(), "handle", handle)).stream().findFirst().map(r -> collection(r, 0));
    }

    public static String collectionCursorOf(CollectionView c) {
        return Cursor.encode(c.uuid().toString());
    }

    private static UUID collectionCursor(String cursor) {
        try {
            return UUID.fromString(Cursor.decode(cursor, 1).get(0));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("The cursor is not valid for this list.");
        }
    }

    // --- SQL building ---------------------------------------------------------------------------

    private static void checkRelevance(ProductSortKey sortKey, ProductFilter filter) {
        if (sortKey == ProductSortKey.RELEVANCE && !filter.hasQuery()) {
            throw ApiException.badRequest("RELEVANCE orders only a search: pass a text query.");
        }
    }

    void appendConditions(StringBuilder sql, Map<String, Object> params, ProductFilter filter, boolean storefront) {
        if (storefront) {
            sql.append(VISIBLE);
        }
        if (filter.hasQuery()) {
            // Full-text match of the weighted search document (see SearchText), or a tag equal to the text.
            String tsquery = SearchText.tsquery(filter.query());
            sql.append(tsquery.isEmpty() ? " and p.tags @> array[cast(:qt as text)]"
                    : " and (p.search_document @@ " + SearchText.TSQUERY + " or p.tags @> array[cast(:qt as text)])");
            params.put("tsq", tsquery);
            params.put("qt", SearchText.tag(filter.query()));
        }
        if (filter.collectionId() != null) {
            sql.append(" and exists (select 1 from catalog.collection_product cf where cf.store_id = p.store_id "
                    + "and cf.collection_id = :fc and cf.product_id = p.id)");
            params.put("fc", filter.collectionId());
        }
        if (!filter.kinds().isEmpty()) {
            sql.append(" and p.kind in (:kinds)");
            params.put("kinds", filter.kinds().stream().map(ProductKind::name).toList());
        }
        if (!filter.tags().isEmpty()) {
            sql.append(" and exists (select 1 from unnest(p.tags) t where t in (:tags))");
            params.put("tags", filter.tags());
        }
        if (!filter.vendors().isEmpty()) {
            sql.append(" and p.vendor in (:vendors)");
            params.put("vendors", filter.vendors());
        }
        if (filter.available() != null) {
            sql.append(" and p.available = :available");
            params.put("available", filter.available());
        }
        if (filter.hasPrice()) {
            // Prices are in the store's currency; a bound is rounded outwards to whole minor units.
            String currency = stores.settings(java.util.Set.of(tenant.store().orElseThrow())).values().iterator().next().currencyCode();
            int digits = Math.max(0, java.util.Currency.getInstance(currency).getDefaultFractionDigits());
            if (filter.minPrice() != null) {
                sql.append(" and p.max_price_minor >= :pmin");
                params.put("pmin", filter.minPrice().movePointRight(digits).setScale(0, java.math.RoundingMode.CEILING).longValue());
            }
            if (filter.maxPrice() != null) {
                sql.append(" and p.min_price_minor <= :pmax");
                params.put("pmax", filter.maxPrice().movePointRight(digits).setScale(0, java.math.RoundingMode.FLOOR).longValue());
            }
        }
    }

    private static void appendKeyset(StringBuilder sql, Map<String, Object> params, ProductSortKey sortKey,
            boolean descending, Optional<String> cursor) {
        if (cursor.isEmpty()) {
            return;
        }
        List<String> keys = Cursor.decode(cursor.get(), 3);
        if (!keys.get(0).equals(sortKey.name())) {
            throw ApiException.badRequest("The cursor belongs to another sort order.");
        }
        UUID id;
        try {
            id = UUID.fromString(keys.get(2));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("The cursor is not valid for this list.");
        }
        String op = descending ? " < " : " > ";
        sql.append(" and (").append(sortKey.expression).append(", p.id)").append(op)
                .append("(cast(:sk as ").append(sortKey.sqlType).append("), cast(:sid as uuid))");
        params.put("sk", keys.get(1));
        params.put("sid", id.toString());
    }

    private static String cursor(ProductSortKey sortKey, String sortValue, UUID id) {
        return Cursor.encode(sortKey.name(), sortValue, id.toString());
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> run(String sql, Map<String, Object> params) {
        Query query = em.createNativeQuery(sql);
        // A text query binds :tsq for RELEVANCE too; a statement that does not use a parameter must not bind it.
        params.forEach((name, value) -> {
            if (sql.contains(":" + name)) {
                query.setParameter(name, value);
            }
        });
        return query.getResultList();
    }

    private UUID store() {
        return tenant.store().orElseThrow().value();
    }

    // --- mapping --------------------------------------------------------------------------------

    static ProductView product(Object[] r) {
        String currency = str(r[13]).strip();
        ImageView featured = r[14] == null ? null : image(r, 14);
        return new ProductView(GlobalId.format(ProductView.TYPE, uuid(r[0])), str(r[1]), str(r[2]), str(r[3]), str(r[4]),
                str(r[5]), ProductKind.valueOf(str(r[6])), list(r[7]), ProductStatus.valueOf(str(r[8])), instant(r[9]),
                instant(r[10]), featured, new ProductPriceRange(MoneyView.of(Money.of(lng(r[11]), currency)),
                        MoneyView.of(Money.of(lng(r[12]), currency))), options(str(r[19])), (Boolean) r[20]);
    }

    private static List<ProductOptionView> options(String packed) {
        if (packed == null || packed.isEmpty()) {
            return List.of();
        }
        List<ProductOptionView> options = new ArrayList<>();
        for (String option : packed.split("\u001d")) {
            String[] parts = option.split("\u001e", 2);
            options.add(new ProductOptionView(parts[0], list(parts.length > 1 ? parts[1] : "")));
        }
        return List.copyOf(options);
    }

    static ImageView image(Object[] r, int at) {
        return new ImageView(GlobalId.format(ImageView.TYPE, uuid(r[at])), str(r[at + 1]), str(r[at + 2]),
                integer(r[at + 3]), integer(r[at + 4]));
    }

    private static ProductVariantView variant(Object[] r) {
        String currency = str(r[7]).strip();
        List<String> values = list(r[4]);
        List<String> names = list(r[16]);
        List<SelectedOption> selected = new ArrayList<>();
        for (int i = 0; i < Math.min(values.size(), names.size()); i++) {
            selected.add(new SelectedOption(names.get(i), values.get(i)));
        }
        Long compareAt = lng(r[6]);
        return new ProductVariantView(GlobalId.format(ProductVariantView.TYPE, uuid(r[0])), str(r[2]), str(r[3]),
                MoneyView.of(Money.of(lng(r[5]), currency)),
                compareAt == null ? null : MoneyView.of(Money.of(compareAt, currency)), selected,
                r[11] == null ? null : image(r, 11), integer(r[8]), bool(r[9]), bool(r[10]));
    }

    private static CollectionView collection(Object[] r, int at) {
        UUID id = uuid(r[at]);
        String imageUrl = str(r[at + 4]);
        ImageView image = imageUrl == null ? null
                : new ImageView(GlobalId.format("CollectionImage", id), imageUrl, str(r[at + 5]), null, null);
        return new CollectionView(GlobalId.format(CollectionView.TYPE, id), str(r[at + 1]), str(r[at + 2]),
                str(r[at + 3]), image);
    }
}
