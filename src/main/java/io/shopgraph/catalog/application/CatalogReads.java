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
import io.shopgraph.catalog.application.read.ProductFilterSql;
import io.shopgraph.platform.errors.ApiException;
import io.shopgraph.platform.graphql.Cursor;
import io.shopgraph.platform.graphql.MoneyView;
import io.shopgraph.platform.graphql.Page;
import io.shopgraph.platform.graphql.PageRequest;
import io.shopgraph.platform.kernel.GlobalId;
import io.shopgraph.platform.kernel.Money;
import io.shopgraph.platform.tenancy.TenantContext;

/**
 * The catalog's read path: native SQL projected straight to view records, one statement per list
 * and per batch of nested fields. {@code storefront} reads see only ACTIVE products published at or
 * before now; every query is also scoped to the current store (and row-level security checks it).
 */
@ApplicationScoped
public class CatalogReads {

    static final String VISIBLE = ProductFilterSql.VISIBLE;

    /** The columns after id, title, handle, description and description_html (see {@link CatalogLocale}). */
    private static final String PRODUCT_OTHER_COLUMNS = "p.vendor, "
            + "p.kind, array_to_string(p.tags, chr(31)), p.status, p.published_at, p.created_at, p.min_price_minor, "
            + "p.max_price_minor, p.currency_code, fi.id as fi_id, fi.url, fi.alt, fi.width, fi.height, "
            + "(select string_agg(o.name || chr(30) || array_to_string(o.option_values, chr(31)), chr(29) order by o.position) "
            + "from catalog.product_option o where o.store_id = p.store_id and o.product_id = p.id) as options_packed, p.available";
    /** The product columns with the base texts; {@link #productColumns} for a locale's (see {@link CatalogLocale}). */
    private static final String PRODUCT_COLUMNS = productColumns(null);
    private static final String FEATURED_IMAGE = " left join lateral (select m.id, m.url, m.alt, m.width, m.height "
            + "from catalog.product_media m where m.store_id = p.store_id and m.product_id = p.id "
            + "order by m.position limit 1) fi on true";

    private final EntityManager em;
    private final TenantContext tenant;
    private final ProductFilterSql filterSql;

    CatalogReads(EntityManager em, TenantContext tenant, ProductFilterSql filterSql) {
        this.em = em;
        this.tenant = tenant;
        this.filterSql = filterSql;
    }

    /** One page of the store's products, with the base texts. */
    @Transactional
    public Page<CursoredProduct> products(ProductFilter filter, ProductSortKey sortKey, boolean reverse,
            PageRequest request, boolean storefront) {
        return products(filter, sortKey, reverse, request, storefront, null);
    }

    /** One page of the store's products, with texts in {@code locale} (a {@link CatalogLocale#parse}d one, or null). */
    @Transactional
    public Page<CursoredProduct> products(ProductFilter filter, ProductSortKey sortKey, boolean reverse,
            PageRequest request, boolean storefront, String locale) {
        if (sortKey == ProductSortKey.COLLECTION_DEFAULT) {
            throw ApiException.badRequest("COLLECTION_DEFAULT orders only a collection's products.");
        }
        checkRelevance(sortKey, filter);
        filter = filter.withSearchLocale(locale);
        if (filter.unknownCollection()) {
            return Page.of(List.of(), request);
        }
        Map<String, Object> params = new HashMap<>();
        StringBuilder sql = new StringBuilder("select ").append(productColumns(locale)).append(", cast(")
                .append(sortKey.expression).append(" as text) from catalog.product p").append(FEATURED_IMAGE)
                .append(CatalogLocale.productJoin(locale, params)).append(" where p.store_id = :store");
        params.put("store", store());
        appendConditions(sql, params, filter, storefront);
        boolean descending = sortKey.descendingByDefault ^ reverse ^ request.backward();
        appendKeyset(sql, params, sortKey, descending, request.cursor());
        String dir = descending ? " desc" : " asc";
        sql.append(" order by ").append(sortKey.expression).append(dir).append(", p.id").append(dir).append(" limit :limit");
        params.put("limit", request.size() + 1);
        List<CursoredProduct> rows = run(sql.toString(), params).stream()
                .map(r -> new CursoredProduct(cursor(sortKey, str(r[21]), uuid(r[0])), product(r, locale))).toList();
        return Page.of(rows, request);
    }

    /** The same page of products for each collection, in one statement (used by Collection.products). */
    @Transactional
    public Map<UUID, Page<CursoredProduct>> collectionProducts(Collection<UUID> collectionIds, ProductFilter filter,
            ProductSortKey sortKey, boolean reverse, PageRequest request, boolean storefront, String locale) {
        checkRelevance(sortKey, filter);
        filter = filter.withSearchLocale(locale);
        Map<String, Object> params = new HashMap<>();
        boolean descending = sortKey.descendingByDefault ^ reverse ^ request.backward();
        String dir = descending ? " desc" : " asc";
        StringBuilder inner = new StringBuilder("select ").append(productColumns(locale)).append(", cast(")
                .append(sortKey.expression).append(" as text) as sort_key, cp.collection_id as part, ")
                .append("row_number() over (partition by cp.collection_id order by ").append(sortKey.expression).append(dir)
                .append(", p.id").append(dir).append(") as rn from catalog.product p")
                .append(" join catalog.collection_product cp on cp.store_id = p.store_id and cp.product_id = p.id")
                .append(" and cp.collection_id in (:collections)").append(FEATURED_IMAGE)
                .append(CatalogLocale.productJoin(locale, params)).append(" where p.store_id = :store");
        params.put("store", store());
        params.put("collections", List.copyOf(collectionIds));
        appendConditions(inner, params, filter, storefront);
        appendKeyset(inner, params, sortKey, descending, request.cursor());
        String sql = "select * from (" + inner + ") x where x.rn <= :limit order by x.part, x.rn";
        params.put("limit", request.size() + 1);
        Map<UUID, List<CursoredProduct>> grouped = new LinkedHashMap<>();
        collectionIds.forEach(id -> grouped.put(id, new ArrayList<>()));
        for (Object[] r : run(sql, params)) {
            grouped.get(uuid(r[22])).add(new CursoredProduct(cursor(sortKey, str(r[21]), uuid(r[0])), product(r, locale)));
        }
        Map<UUID, Page<CursoredProduct>> pages = new HashMap<>();
        grouped.forEach((id, rows) -> pages.put(id, Page.of(rows, request)));
        return pages;
    }

    /** The products with these ids that the audience may see, by id, with the base texts. */
    @Transactional
    public Map<UUID, ProductView> productsByIds(Collection<UUID> ids, boolean storefront) {
        return productsByIds(ids, storefront, null);
    }

    /** The products with these ids that the audience may see, by id, with texts in {@code locale}. */
    @Transactional
    public Map<UUID, ProductView> productsByIds(Collection<UUID> ids, boolean storefront, String locale) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> params = new HashMap<>(Map.of("store", store(), "ids", List.copyOf(ids)));
        String sql = "select " + productColumns(locale) + " from catalog.product p" + FEATURED_IMAGE
                + CatalogLocale.productJoin(locale, params) + " where p.store_id = :store and p.id in (:ids)" + (storefront ? VISIBLE : "");
        Map<UUID, ProductView> found = new HashMap<>();
        for (Object[] r : run(sql, params)) {
            found.put(uuid(r[0]), product(r, locale));
        }
        return found;
    }

    @Transactional
    public Optional<ProductView> productByHandle(String handle, boolean storefront, String locale) {
        Map<String, Object> params = new HashMap<>(Map.of("store", store(), "handle", handle));
        String sql = "select " + productColumns(locale) + " from catalog.product p" + FEATURED_IMAGE
                + CatalogLocale.productJoin(locale, params) + " where p.store_id = :store and p.handle = :handle" + (storefront ? VISIBLE : "");
        return run(sql, params).stream().findFirst().map(r -> product(r, locale));
    }

    /**
     * A page of each product's variants in (position, id) order, in one statement: up to
     * {@code request.size() + 1} rows per product after the request's cursor, which encodes (position, id).
     */
    @Transactional
    public Map<UUID, Page<CursoredVariant>> variants(Collection<UUID> productIds, PageRequest request) {
        Map<String, Object> params = new HashMap<>(Map.of("store", store(), "ids", List.copyOf(productIds), "limit", request.size() + 1));
        String keyset = "";
        if (request.cursor().isPresent()) {
            List<String> keys = Cursor.decode(request.cursor().get(), 2);
            try {
                params.put("after_position", Integer.parseInt(keys.get(0)));
                params.put("after_id", UUID.fromString(keys.get(1)));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("The cursor is not valid for this list.");
            }
            keyset = " and (v.position, v.id) > (:after_position, :after_id)";
        }
        Map<UUID, List<CursoredVariant>> found = new HashMap<>();
        for (Object[] r : run(variantsSql(keyset), params)) {
            found.computeIfAbsent(uuid(r[1]), k -> new ArrayList<>())
                    .add(new CursoredVariant(Cursor.encode(String.valueOf(integer(r[17])), uuid(r[0]).toString()), variant(r)));
        }
        Map<UUID, Page<CursoredVariant>> pages = new HashMap<>();
        productIds.forEach(id -> pages.put(id, Page.of(found.getOrDefault(id, List.of()), request)));
        return pages;
    }

    private static String variantsSql(String keyset) {
        return "select * from (select v.id, v.product_id, v.sku, v.title, array_to_string(v.option_values, chr(31)), "
                + "v.price_minor, v.compare_at_minor, v.currency_code, v.weight_grams, v.requires_shipping, v.taxable, "
                + "vi.id as vi_id, vi.url, vi.alt, vi.width, vi.height, "
                + "(select string_agg(o.name, chr(31) order by o.position) from catalog.product_option o "
                + "  where o.store_id = v.store_id and o.product_id = v.product_id) as option_names, v.position as pos, "
                + "row_number() over (partition by v.product_id order by v.position, v.id) as rn "
                + "from catalog.product_variant v left join lateral (select m.id, m.url, m.alt, m.width, m.height "
                + "  from catalog.product_media m where m.store_id = v.store_id and m.variant_id = v.id "
                + "  order by m.position limit 1) vi on true "
                + "where v.store_id = :store and v.product_id in (:ids)" + keyset + ") x where x.rn <= :limit order by x.product_id, x.rn";
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

    /** The collections each product belongs to, by (base) title, with texts in {@code locale}. */
    @Transactional
    public Map<UUID, List<CollectionView>> collectionsOfProducts(Collection<UUID> productIds, String locale) {
        Map<String, Object> params = new HashMap<>(Map.of("store", store(), "ids", List.copyOf(productIds)));
        String sql = "select cp.product_id, " + collectionColumns(locale) + " from catalog.collection_product cp "
                + "join catalog.collection c on c.store_id = cp.store_id and c.id = cp.collection_id "
                + CatalogLocale.collectionJoin(locale, params)
                + " where cp.store_id = :store and cp.product_id in (:ids) order by cp.product_id, c.title, c.id";
        Map<UUID, List<CollectionView>> found = new HashMap<>();
        for (Object[] r : run(sql, params)) {
            found.computeIfAbsent(uuid(r[0]), k -> new ArrayList<>()).add(collection(r, 1, locale));
        }
        return found;
    }

    /** The select list of a product row ({@link #product(Object[], String)}), texts in {@code locale}. */
    public static String productColumns(String locale) {
        return CatalogLocale.productTexts(locale) + ", " + PRODUCT_OTHER_COLUMNS;
    }

    /** The select list of a collection row ({@link #collection(Object[], int, String)}), texts in {@code locale}. */
    public static String collectionColumns(String locale) {
        return CatalogLocale.collectionTexts(locale) + ", c.image_url, c.image_alt";
    }

    /** One page of the store's collections, by id, with texts in {@code locale}. */
    @Transactional
    public Page<CollectionView> collections(PageRequest request, String locale) {
        Map<String, Object> params = new HashMap<>();
        params.put("store", store());
        String dir = request.backward() ? " desc" : " asc";
        StringBuilder sql = new StringBuilder("select " + collectionColumns(locale) + " from catalog.collection c"
                + CatalogLocale.collectionJoin(locale, params) + " where c.store_id = :store");
        request.cursor().ifPresent(c -> {
            sql.append(request.backward() ? " and c.id < :after" : " and c.id > :after");
            params.put("after", collectionCursor(c));
        });
        sql.append(" order by c.id").append(dir).append(" limit :limit");
        params.put("limit", request.size() + 1);
        return Page.of(run(sql.toString(), params).stream().map(r -> collection(r, 0, locale)).toList(), request);
    }

    @Transactional
    public Map<UUID, CollectionView> collectionsByIds(Collection<UUID> ids) {
        return collectionsByIds(ids, null);
    }

    @Transactional
    public Map<UUID, CollectionView> collectionsByIds(Collection<UUID> ids, String locale) {
        Map<String, Object> params = new HashMap<>(Map.of("store", store(), "ids", List.copyOf(ids)));
        String sql = "select " + collectionColumns(locale) + " from catalog.collection c" + CatalogLocale.collectionJoin(locale, params)
                + " where c.store_id = :store and c.id in (:ids)";
        Map<UUID, CollectionView> found = new HashMap<>();
        for (Object[] r : run(sql, params)) {
            found.put(uuid(r[0]), collection(r, 0, locale));
        }
        return found;
    }

    @Transactional
    public Optional<CollectionView> collectionByHandle(String handle, String locale) {
        Map<String, Object> params = new HashMap<>(Map.of("store", store(), "handle", handle));
        String sql = "select " + collectionColumns(locale) + " from catalog.collection c" + CatalogLocale.collectionJoin(locale, params)
                + " where c.store_id = :store and c.handle = :handle";
        return run(sql, params).stream().findFirst().map(r -> collection(r, 0, locale));
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

    /** The whole filter as SQL conditions on {@code p} (see {@link ProductFilterSql}). */
    public void appendConditions(StringBuilder sql, Map<String, Object> params, ProductFilter filter, boolean storefront) {
        filterSql.append(sql, params, filter, storefront);
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
        return tenant.requireStore().value();
    }

    // --- mapping --------------------------------------------------------------------------------

    /** A product row with the base texts. */
    public static ProductView product(Object[] r) {
        return product(r, null);
    }

    /** A product row read with {@link #productColumns}({@code locale}); the view remembers the locale for nested fields. */
    public static ProductView product(Object[] r, String locale) {
        String currency = str(r[13]).strip();
        ImageView featured = r[14] == null ? null : image(r, 14);
        return new ProductView(GlobalId.format(ProductView.TYPE, uuid(r[0])), str(r[1]), str(r[2]), str(r[3]), str(r[4]),
                str(r[5]), ProductKind.valueOf(str(r[6])), list(r[7]), ProductStatus.valueOf(str(r[8])), instant(r[9]),
                instant(r[10]), featured, new ProductPriceRange(MoneyView.of(Money.of(lng(r[11]), currency)),
                        MoneyView.of(Money.of(lng(r[12]), currency))), options(str(r[19])), (Boolean) r[20], locale);
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

    /** A variant row: id, product_id, sku, title, option values, prices, currency, weight, flags, image, option names. */
    public static ProductVariantView variant(Object[] r) {
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
                r[11] == null ? null : image(r, 11), integer(r[8]), bool(r[9]), bool(r[10]), uuid(r[1]));
    }

    public static CollectionView collection(Object[] r, int at, String locale) {
        UUID id = uuid(r[at]);
        String imageUrl = str(r[at + 4]);
        ImageView image = imageUrl == null ? null
                : new ImageView(GlobalId.format("CollectionImage", id), imageUrl, str(r[at + 5]), null, null);
        return new CollectionView(GlobalId.format(CollectionView.TYPE, id), str(r[at + 1]), str(r[at + 2]),
                str(r[at + 3]), image, locale);
    }
}
