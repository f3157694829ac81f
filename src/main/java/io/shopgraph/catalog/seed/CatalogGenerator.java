package io.shopgraph.catalog.seed;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import io.quarkus.arc.properties.UnlessBuildProperty;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.shopgraph.catalog.api.events.VariantsBulkCreated;
import io.shopgraph.platform.kernel.StoreId;
import io.shopgraph.platform.tenancy.TenantContext;
import io.shopgraph.store.api.StoreApi;

/**
 * Generates N products deterministically (bench/, {@code PRODUCTS=100000 bench/run.sh}): product
 * {@code i} is always the same (title, handle {@code gen-000042}, vendor, tags, kind, three sizes with
 * prices and stock, one image, one of 20 collections), so the same N gives the same catalogue, ids
 * included. Rows go in with one multi-row insert per table per 1,000 products, one transaction per
 * batch; stock rows are written by the inventory module from {@link VariantsBulkCreated}, which also
 * sets each product's availability through the catalog API, as for any other stock change. About 2%
 * of the products are drafts and 1% archived, so storefront filters have something to hide.
 */
// Left out of native images (shopgraph.seed.excluded, application.properties); -Dshopgraph.seed.excluded=false keeps it.
@UnlessBuildProperty(name = "shopgraph.seed.excluded", stringValue = "true", enableIfMissing = true)
@ApplicationScoped
public class CatalogGenerator {

    static final int BATCH = 1000;
    static final int COLLECTIONS = 20;
    private static final long CREATED_BASE = 1_767_225_600L; // 2026-01-01T00:00:00Z
    private static final String[] ADJECTIVES = {"Classic", "Modern", "Rustic", "Vintage", "Urban", "Cosy", "Bold", "Soft",
        "Bright", "Calm", "Sleek", "Sturdy", "Light", "Warm", "Cool", "Royal", "Simple", "Fine", "Wild", "Noble"};
    private static final String[] MATERIALS = {"Cotton", "Linen", "Wool", "Leather", "Denim", "Silk", "Bamboo", "Oak", "Ceramic",
        "Steel", "Canvas", "Cashmere", "Velvet", "Hemp", "Walnut", "Copper", "Glass", "Marble", "Suede", "Tweed"};
    private static final String[] NOUNS = {"Shirt", "Jacket", "Scarf", "Hat", "Bag", "Mug", "Lamp", "Chair", "Blanket", "Sneakers",
        "Dress", "Sweater", "Belt", "Wallet", "Vase", "Table", "Candle", "Socks", "Gloves", "Backpack", "Watch", "Bowl",
        "Pillow", "Shorts", "Boots"};
    private static final String[] VENDORS = {"Acme", "Northwind", "Globex", "Initech", "Umbrella", "Stark", "Wayne", "Wonka",
        "Tyrell", "Cyberdyne", "Soylent", "Hooli", "Vandelay", "Gringotts", "Oscorp", "Pied Piper", "Aperture", "Monarch",
        "Dunder", "Prestige", "Sirius", "Nakatomi", "Bluth", "Krusty", "Duff", "Ollivanders", "Zorg", "Weyland", "Massive", "Black Mesa"};
    private static final String[] TAGS = {"apparel", "home", "kitchen", "outdoor", "office", "gift", "summer", "winter", "sale",
        "new", "eco", "premium", "kids", "men", "women", "unisex", "handmade", "bestseller", "limited", "travel", "sport",
        "accessories", "decor", "furniture", "lighting", "textile", "footwear", "bags", "tableware", "vintage", "classic",
        "minimal", "colourful", "organic", "recycled", "local", "imported", "luxury", "budget", "seasonal"};
    private static final String[] SIZES = {"S", "M", "L"};

    private final int products;
    private final String storeHandle;
    private final StoreApi stores;
    private final TenantContext tenant;
    private final EntityManager em;
    private final Event<VariantsBulkCreated> variantsCreated;

    CatalogGenerator(CatalogSeedConfig config, StoreApi stores, TenantContext tenant, EntityManager em, Event<VariantsBulkCreated> variantsCreated) {
        this.products = config.generate().products();
        this.storeHandle = config.generate().store();
        this.stores = stores;
        this.tenant = tenant;
        this.em = em;
        this.variantsCreated = variantsCreated;
    }

    @ActivateRequestContext
    void onStart(@Observes @Priority(CatalogDemoSeeder.PRIORITY + 200) StartupEvent event) {
        if (products <= 0) {
            return;
        }
        Optional<StoreId> store = stores.storeByHandle(storeHandle);
        if (store.isEmpty()) {
            Log.warnf("No store '%s' to generate products into", storeHandle);
            return;
        }
        long started = System.nanoTime();
        int created = generate(store.get(), products);
        Log.infof("Generated %d products into store '%s' in %d ms", created, storeHandle, (System.nanoTime() - started) / 1_000_000);
    }

    /** Generates products 0..n-1 into the store (skipped when its first generated product exists); returns how many. */
    public int generate(StoreId store, int n) {
        tenant.enter(store);
        String currency = stores.settings(Set.of(store)).get(store).currencyCode();
        boolean exists = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from catalog.product where store_id = :s and handle = :h")
                .setParameter("s", store.value()).setParameter("h", handle(0)).getSingleResult()).longValue() > 0);
        if (exists) {
            return 0;
        }
        QuarkusTransaction.requiringNew().run(() -> jdbc(c -> insertCollections(c, store.value())));
        for (int from = 0; from < n; from += BATCH) {
            int start = from;
            int end = Math.min(n, from + BATCH);
            QuarkusTransaction.requiringNew().run(() -> insertBatch(store.value(), currency, start, end));
        }
        return n;
    }

    static String handle(int i) {
        return String.format("gen-%06d", i);
    }

    static UUID id(String kind, int i) {
        return UUID.nameUUIDFromBytes(("shopgraph-generated-" + kind + "-" + i).getBytes(StandardCharsets.UTF_8));
    }

    private void insertCollections(Connection c, UUID store) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("insert into catalog.collection (store_id, id, handle, title, description, "
                + "created_at) values (?, ?, ?, ?, ?, to_timestamp(?))")) {
            for (int k = 0; k < COLLECTIONS; k++) {
                s.setObject(1, store);
                s.setObject(2, id("collection", k));
                s.setString(3, "gen-collection-" + k);
                s.setString(4, capitalise(TAGS[k]) + " collection");
                s.setString(5, "Generated collection " + k + ".");
                s.setLong(6, CREATED_BASE + k);
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private void insertBatch(UUID store, String currency, int from, int to) {
        int size = to - from;
        List<Object> ids = new ArrayList<>(size);
        List<Object> titles = new ArrayList<>(size);
        List<Object> handles = new ArrayList<>(size);
        List<Object> descriptions = new ArrayList<>(size);
        List<Object> html = new ArrayList<>(size);
        List<Object> statuses = new ArrayList<>(size);
        List<Object> kinds = new ArrayList<>(size);
        List<Object> vendors = new ArrayList<>(size);
        List<Object> tags = new ArrayList<>(size);
        List<Object> minPrices = new ArrayList<>(size);
        List<Object> maxPrices = new ArrayList<>(size);
        List<Object> created = new ArrayList<>(size);
        List<Object> optionIds = new ArrayList<>(size);
        List<Object> mediaIds = new ArrayList<>(size);
        List<Object> urls = new ArrayList<>(size);
        List<Object> collections = new ArrayList<>(size);
        List<Object> collectionPositions = new ArrayList<>(size);
        List<Object> variantIds = new ArrayList<>(size * 3);
        List<Object> variantProducts = new ArrayList<>(size * 3);
        List<Object> skus = new ArrayList<>(size * 3);
        List<Object> sizes = new ArrayList<>(size * 3);
        List<Object> prices = new ArrayList<>(size * 3);
        List<Object> positions = new ArrayList<>(size * 3);
        List<Integer> quantities = new ArrayList<>(size * 3);
        List<UUID> productIds = new ArrayList<>(size);
        for (int i = from; i < to; i++) {
            SplittableRandom r = new SplittableRandom(0x5eed_0000_0000L + i);
            UUID id = id("product", i);
            productIds.add(id);
            ids.add(id);
            String noun = NOUNS[r.nextInt(NOUNS.length)];
            String title = ADJECTIVES[r.nextInt(ADJECTIVES.length)] + " " + MATERIALS[r.nextInt(MATERIALS.length)] + " " + noun + " "
                    + (i + 1);
            titles.add(title);
            handles.add(handle(i));
            String description = "A " + title.toLowerCase() + ", generated for benchmarks.";
            descriptions.add(description);
            html.add("<p>" + description + "</p>");
            int status = r.nextInt(100);
            statuses.add(status < 2 ? "DRAFT" : status < 3 ? "ARCHIVED" : "ACTIVE");
            int kind = r.nextInt(100);
            kinds.add(kind < 85 ? "PHYSICAL" : kind < 95 ? "DIGITAL" : kind < 98 ? "SERVICE" : "GIFT_CARD");
            vendors.add(VENDORS[r.nextInt(VENDORS.length)]);
            String tagA = TAGS[r.nextInt(TAGS.length)];
            String tagB = TAGS[r.nextInt(TAGS.length)];
            tags.add(tagA.equals(tagB) ? tagA : tagA + "\u001f" + tagB);
            long base = 500 + r.nextInt(200) * 100L + 99;
            minPrices.add(base);
            maxPrices.add(base + 400);
            created.add(CREATED_BASE + 3600L + i * 60L);
            optionIds.add(id("option", i));
            mediaIds.add(id("media", i));
            urls.add("https://img.example/generated/" + noun.toLowerCase() + "-" + (i % 97) + ".jpg");
            collections.add(id("collection", i % COLLECTIONS));
            collectionPositions.add(i / COLLECTIONS);
            for (int v = 0; v < SIZES.length; v++) {
                variantIds.add(id("variant", i * SIZES.length + v));
                variantProducts.add(id);
                skus.add("GEN-" + (i + 1) + "-" + SIZES[v]);
                sizes.add(SIZES[v]);
                prices.add(base + 200L * v);
                positions.add(v);
                int q = r.nextInt(10);
                quantities.add(q < 2 ? 0 : r.nextInt(100) + 1);
            }
        }
        jdbc(c -> {
            exec(c, "insert into catalog.product (store_id, id, title, handle, description, description_html, status, published_at, "
                    + "kind, vendor, tags, min_price_minor, max_price_minor, currency_code, created_at, updated_at) "
                    + "select ?, t.id, t.title, t.handle, t.d, t.h, t.st, timestamptz '2026-01-01 00:00:00+00', t.k, t.v, "
                    + "string_to_array(t.tags, chr(31)), t.minp, t.maxp, ?, to_timestamp(t.c), to_timestamp(t.c) "
                    + "from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], "
                    + "?::int8[], ?::int8[], ?::int8[]) as t(id, title, handle, d, h, st, k, v, tags, minp, maxp, c)",
                    store, currency, arr(c, "uuid", ids), arr(c, "text", titles), arr(c, "text", handles), arr(c, "text", descriptions),
                    arr(c, "text", html), arr(c, "text", statuses), arr(c, "text", kinds), arr(c, "text", vendors), arr(c, "text", tags),
                    arr(c, "int8", minPrices), arr(c, "int8", maxPrices), arr(c, "int8", created));
            exec(c, "insert into catalog.product_option (store_id, id, product_id, name, position, option_values) "
                    + "select ?, t.id, t.p, 'Size', 0, array['S', 'M', 'L'] from unnest(?::uuid[], ?::uuid[]) as t(id, p)",
                    store, arr(c, "uuid", optionIds), arr(c, "uuid", ids));
            exec(c, "insert into catalog.product_variant (store_id, id, product_id, sku, title, option_values, price_minor, "
                    + "currency_code, weight_grams, requires_shipping, taxable, position) "
                    + "select ?, t.id, t.p, t.sku, t.sz, array[t.sz], t.price, ?, 500, true, true, t.pos "
                    + "from unnest(?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::int8[], ?::int4[]) as t(id, p, sku, sz, price, pos)",
                    store, currency, arr(c, "uuid", variantIds), arr(c, "uuid", variantProducts), arr(c, "text", skus),
                    arr(c, "text", sizes), arr(c, "int8", prices), arr(c, "int4", positions));
            exec(c, "insert into catalog.product_media (store_id, id, product_id, url, alt, width, height, position) "
                    + "select ?, t.id, t.p, t.url, t.alt, 800, 800, 0 from unnest(?::uuid[], ?::uuid[], ?::text[], ?::text[]) as t(id, p, url, alt)",
                    store, arr(c, "uuid", mediaIds), arr(c, "uuid", ids), arr(c, "text", urls), arr(c, "text", titles));
            exec(c, "insert into catalog.collection_product (store_id, collection_id, product_id, position) "
                    + "select ?, t.c, t.p, t.pos from unnest(?::uuid[], ?::uuid[], ?::int4[]) as t(c, p, pos)",
                    store, arr(c, "uuid", collections), arr(c, "uuid", ids), arr(c, "int4", collectionPositions));
        });
        variantsCreated.fire(new VariantsBulkCreated(productIds, variantIds.stream().map(UUID.class::cast).toList(),
                variantProducts.stream().map(UUID.class::cast).toList(), quantities));
    }

    private interface Work {
        void run(Connection connection) throws SQLException;
    }

    private void jdbc(Work work) {
        em.unwrap(Session.class).doWork(work::run);
    }

    private static java.sql.Array arr(Connection c, String type, List<Object> values) throws SQLException {
        return c.createArrayOf(type, values.toArray());
    }

    private static void exec(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            s.executeUpdate();
        }
    }

    private static String capitalise(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
