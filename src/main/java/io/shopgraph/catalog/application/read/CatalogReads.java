package io.shopgraph.catalog.application.read;

import static io.shopgraph.catalog.application.read.Rows.integer;
import static io.shopgraph.catalog.application.read.Rows.list;
import static io.shopgraph.catalog.application.read.Rows.str;
import static io.shopgraph.catalog.application.read.Rows.uuid;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.shopgraph.platform.persistence.NativeRows;
import io.shopgraph.catalog.api.ImageView;
import io.shopgraph.catalog.api.ProductVariantView;
import io.shopgraph.catalog.api.ProductView;
import io.shopgraph.platform.errors.ApiException;
import io.shopgraph.platform.graphql.Cursor;
import io.shopgraph.platform.graphql.Page;
import io.shopgraph.platform.graphql.PageRequest;
import io.shopgraph.platform.tenancy.TenantContext;

/**
 * The catalog's read path: native SQL projected straight to view records, one statement per list
 * and per batch of nested fields. {@code storefront} reads see only ACTIVE products published at or
 * before now; every query is also scoped to the current store (and row-level security checks it).
 */
@ApplicationScoped
public class CatalogReads {

    static final String VISIBLE = ProductFilterSql.VISIBLE;

    private final NativeRows rows;
    private final TenantContext tenant;
    private final ProductFilterSql filterSql;

    CatalogReads(NativeRows rows, TenantContext tenant, ProductFilterSql filterSql) {
        this.rows = rows;
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
        StringBuilder sql = new StringBuilder("select ").append(ProductRow.columns(locale)).append(", cast(")
                .append(sortKey.expression).append(" as text) from catalog.product p").append(ProductRow.FEATURED_IMAGE_JOIN)
                .append(CatalogLocale.productJoin(locale, params)).append(" where p.store_id = :store");
        params.put("store", store());
        appendConditions(sql, params, filter, storefront);
        boolean descending = sortKey.descendingByDefault ^ reverse ^ request.backward();
        appendKeyset(sql, params, sortKey, descending, request.cursor());
        String dir = descending ? " desc" : " asc";
        sql.append(" order by ").append(sortKey.expression).append(dir).append(", p.id").append(dir).append(" limit :limit");
        params.put("limit", request.size() + 1);
        List<CursoredProduct> rows = run(sql.toString(), params).stream()
                .map(r -> new CursoredProduct(cursor(sortKey, str(r[ProductRow.SORT_VALUE]), uuid(r[ProductRow.ID])), ProductRow.view(r, locale))).toList();
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
        StringBuilder inner = new StringBuilder("select ").append(ProductRow.columns(locale)).append(", cast(")
                .append(sortKey.expression).append(" as text) as sort_key, cp.collection_id as part, ")
                .append("row_number() over (partition by cp.collection_id order by ").append(sortKey.expression).append(dir)
                .append(", p.id").append(dir).append(") as rn from catalog.product p")
                .append(" join catalog.collection_product cp on cp.store_id = p.store_id and cp.product_id = p.id")
                .append(" and cp.collection_id in (:collections)").append(ProductRow.FEATURED_IMAGE_JOIN)
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
            grouped.get(uuid(r[ProductRow.COLLECTION_ID])).add(new CursoredProduct(cursor(sortKey, str(r[ProductRow.SORT_VALUE]), uuid(r[ProductRow.ID])), ProductRow.view(r, locale)));
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
        String sql = "select " + ProductRow.columns(locale) + " from catalog.product p" + ProductRow.FEATURED_IMAGE_JOIN
                + CatalogLocale.productJoin(locale, params) + " where p.store_id = :store and p.id in (:ids)" + (storefront ? VISIBLE : "");
        Map<UUID, ProductView> found = new HashMap<>();
        for (Object[] r : run(sql, params)) {
            found.put(uuid(r[ProductRow.ID]), ProductRow.view(r, locale));
        }
        return found;
    }

    @Transactional
    public Optional<ProductView> productByHandle(String handle, boolean storefront, String locale) {
        Map<String, Object> params = new HashMap<>(Map.of("store", store(), "handle", handle));
        String sql = "select " + ProductRow.columns(locale) + " from catalog.product p" + ProductRow.FEATURED_IMAGE_JOIN
                + CatalogLocale.productJoin(locale, params) + " where p.store_id = :store and p.handle = :handle" + (storefront ? VISIBLE : "");
        return run(sql, params).stream().findFirst().map(r -> ProductRow.view(r, locale));
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
            found.computeIfAbsent(uuid(r[VariantRow.PRODUCT_ID]), k -> new ArrayList<>())
                    .add(new CursoredVariant(Cursor.encode(String.valueOf(integer(r[VariantRow.POSITION])), uuid(r[VariantRow.ID]).toString()), VariantRow.view(r)));
        }
        Map<UUID, Page<CursoredVariant>> pages = new HashMap<>();
        productIds.forEach(id -> pages.put(id, Page.of(found.getOrDefault(id, List.of()), request)));
        return pages;
    }

    private static String variantsSql(String keyset) {
        return "select * from (select " + VariantRow.COLUMNS + ", v.position as pos, "
                + "row_number() over (partition by v.product_id order by v.position, v.id) as rn "
                + "from catalog.product_variant v " + VariantRow.IMAGE_JOIN
                + "where v.store_id = :store and v.product_id in (:ids)" + keyset + ") x where x.rn <= :limit order by x.product_id, x.rn";
    }

    /** Variants by id whose product the audience may see, by id. */
    @Transactional
    public Map<UUID, ProductVariantView> variantsByIds(Collection<UUID> ids, boolean storefront) {
        String sql = "select " + VariantRow.COLUMNS + " "
                + "from catalog.product_variant v join catalog.product p on p.store_id = v.store_id and p.id = v.product_id "
                + VariantRow.IMAGE_JOIN
                + "where v.store_id = :store and v.id in (:ids)" + (storefront ? VISIBLE : "");
        Map<UUID, ProductVariantView> found = new HashMap<>();
        for (Object[] r : run(sql, Map.of("store", store(), "ids", List.copyOf(ids)))) {
            found.put(uuid(r[VariantRow.ID]), VariantRow.view(r));
        }
        return found;
    }

    @Transactional
    public Map<UUID, List<ImageView>> images(Collection<UUID> productIds) {
        String sql = "select m.id, m.url, m.alt, m.width, m.height, m.product_id from catalog.product_media m "
                + "where m.store_id = :store and m.product_id in (:ids) order by m.product_id, m.position";
        Map<UUID, List<ImageView>> found = new HashMap<>();
        for (Object[] r : run(sql, Map.of("store", store(), "ids", List.copyOf(productIds)))) {
            found.computeIfAbsent(uuid(r[ImageRow.PRODUCT_ID]), k -> new ArrayList<>()).add(ImageRow.view(r, 0));
        }
        return found;
    }

    /** The collections each product belongs to, by (base) title, with texts in {@code locale}. */
    @Transactional
    public Map<UUID, List<CollectionView>> collectionsOfProducts(Collection<UUID> productIds, String locale) {
        Map<String, Object> params = new HashMap<>(Map.of("store", store(), "ids", List.copyOf(productIds)));
        String sql = "select cp.product_id, " + CollectionRow.columns(locale) + " from catalog.collection_product cp "
                + "join catalog.collection c on c.store_id = cp.store_id and c.id = cp.collection_id "
                + CatalogLocale.collectionJoin(locale, params)
                + " where cp.store_id = :store and cp.product_id in (:ids) order by cp.product_id, c.title, c.id";
        Map<UUID, List<CollectionView>> found = new HashMap<>();
        for (Object[] r : run(sql, params)) {
            // cp.product_id, then the collection's columns
            found.computeIfAbsent(uuid(r[0]), k -> new ArrayList<>()).add(CollectionRow.view(r, 1, locale));
        }
        return found;
    }

    /** One page of the store's collections, by id, with texts in {@code locale}. */
    @Transactional
    public Page<CollectionView> collections(PageRequest request, String locale) {
        Map<String, Object> params = new HashMap<>();
        params.put("store", store());
        String dir = request.backward() ? " desc" : " asc";
        StringBuilder sql = new StringBuilder("select " + CollectionRow.columns(locale) + " from catalog.collection c"
                + CatalogLocale.collectionJoin(locale, params) + " where c.store_id = :store");
        request.cursor().ifPresent(c -> {
            sql.append(request.backward() ? " and c.id < :after" : " and c.id > :after");
            params.put("after", collectionCursor(c));
        });
        sql.append(" order by c.id").append(dir).append(" limit :limit");
        params.put("limit", request.size() + 1);
        return Page.of(run(sql.toString(), params).stream().map(r -> CollectionRow.view(r, 0, locale)).toList(), request);
    }

    @Transactional
    public Map<UUID, CollectionView> collectionsByIds(Collection<UUID> ids) {
        return collectionsByIds(ids, null);
    }

    @Transactional
    public Map<UUID, CollectionView> collectionsByIds(Collection<UUID> ids, String locale) {
        Map<String, Object> params = new HashMap<>(Map.of("store", store(), "ids", List.copyOf(ids)));
        String sql = "select " + CollectionRow.columns(locale) + " from catalog.collection c" + CatalogLocale.collectionJoin(locale, params)
                + " where c.store_id = :store and c.id in (:ids)";
        Map<UUID, CollectionView> found = new HashMap<>();
        for (Object[] r : run(sql, params)) {
            found.put(uuid(r[CollectionRow.ID]), CollectionRow.view(r, 0, locale));
        }
        return found;
    }

    @Transactional
    public Optional<CollectionView> collectionByHandle(String handle, String locale) {
        Map<String, Object> params = new HashMap<>(Map.of("store", store(), "handle", handle));
        String sql = "select " + CollectionRow.columns(locale) + " from catalog.collection c" + CatalogLocale.collectionJoin(locale, params)
                + " where c.store_id = :store and c.handle = :handle";
        return run(sql, params).stream().findFirst().map(r -> CollectionRow.view(r, 0, locale));
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

    /** Plain JDBC rows (NativeRows); parameters the statement does not name (:tsq of a text query) are not bound. */
    private List<Object[]> run(String sql, Map<String, Object> params) {
        return rows.query(sql, params);
    }

    private UUID store() {
        return tenant.requireStore().value();
    }
}
