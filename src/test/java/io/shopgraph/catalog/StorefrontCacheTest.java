package io.shopgraph.catalog;

import static io.shopgraph.catalog.CatalogFixtures.collection;
import static io.shopgraph.catalog.CatalogFixtures.create;
import static io.shopgraph.catalog.CatalogFixtures.createOk;
import static io.shopgraph.catalog.CatalogFixtures.product;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.shopgraph.platform.cache.CatalogChangeListener;
import io.shopgraph.platform.cache.StorefrontCache;
import io.shopgraph.platform.graphql.StorefrontCacheRoute;
import io.shopgraph.platform.kernel.GlobalId;
import io.shopgraph.platform.persistence.SqlStatementCounter;
import io.shopgraph.testing.GraphQL;
import io.shopgraph.testing.TestStores;
import io.shopgraph.testing.TestStores.TestStore;

/** The storefront response cache over HTTP: hits, invalidation on every kind of write, isolation. */
@QuarkusTest
class StorefrontCacheTest {

    static final String LIST = "{ products(first: 10, sortKey: TITLE) { nodes { id title handle availableForSale "
            + "variants(first: 5) { nodes { id quantityAvailable availableForSale price { amount } } } } } }";
    static final String UPDATE = "mutation($id: ID!, $input: ProductUpdateInput!) { productUpdate(id: $id, input: $input) { "
            + "product { title } userErrors { code } } }";
    static final String SET = "mutation($input: InventorySetQuantitiesInput!) { inventorySetQuantities(input: $input) { "
            + "userErrors { code } } }";
    /** Generous: notifications arrive in milliseconds; this only keeps a busy machine from failing the test. */
    static final long POLL_MILLIS = 60_000;

    @Inject
    StorefrontCache cache;

    @Inject
    CatalogChangeListener listener;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aRepeatedStorefrontReadIsServedFromTheCacheWithoutSql() {
        TestStore store = TestStores.create("cache-hit");
        createOk(store, product("Hat", "ACTIVE", "5.00"));
        awaitListening();
        knowToken(store);

        Response first = store.storefront().post(LIST, Map.of());
        long before = SqlStatementCounter.requestTotal();
        Response second = store.storefront().post(LIST, Map.of());
        long used = SqlStatementCounter.requestTotal() - before;

        assertThat(first.header(StorefrontCacheRoute.CACHE_HEADER)).isEqualTo("miss");
        assertThat(second.header(StorefrontCacheRoute.CACHE_HEADER)).isEqualTo("hit");
        assertThat(used).as("SQL statements of a cached read").isZero();
        assertThat(second.asString()).isEqualTo(first.asString());
        assertThat(second.contentType()).isEqualTo(first.contentType());
        assertThat(second.jsonPath().getList("data.products.nodes.title")).containsExactly("Hat");
    }

    @Test
    void aProductUpdateIsVisibleToTheNextStorefrontRead() {
        TestStore store = TestStores.create("cache-upd");
        String id = createOk(store, product("Scarf", "ACTIVE", "5.00"));
        awaitListening();
        cached(store, LIST);

        JsonPath updated = store.owner().execute(UPDATE, Map.of("id", id, "input", Map.of("title", "Wool scarf")));
        assertThat(updated.getList("data.productUpdate.userErrors")).isEmpty();

        assertThat(store.storefront().execute(LIST).getList("data.products.nodes.title")).containsExactly("Wool scarf");
    }

    @Test
    void aStockChangeIsVisibleToTheNextStorefrontRead() {
        TestStore store = TestStores.create("cache-stock");
        JsonPath created = create(store, product("Socks", "ACTIVE", "3.00"));
        String variant = created.getString("data.productCreate.product.variants.nodes[0].id");
        awaitListening();
        cached(store, LIST);

        JsonPath set = store.owner().execute(SET, Map.of("input", Map.of("quantities", List.of(
                Map.of("variantId", variant, "quantity", 0, "compareQuantity", 0)))));
        assertThat(set.getList("data.inventorySetQuantities.userErrors")).isEmpty();

        JsonPath read = store.storefront().execute(LIST);
        assertThat(read.getList("data.products.nodes[0].variants.nodes.quantityAvailable")).containsExactly(0);
        assertThat(read.getBoolean("data.products.nodes[0].availableForSale")).isFalse();
    }

    @Test
    void aCollectionChangeIsVisibleToTheNextStorefrontRead() {
        TestStore store = TestStores.create("cache-coll");
        String a = createOk(store, product("Apple", "ACTIVE", "1.00"));
        String b = createOk(store, product("Banana", "ACTIVE", "1.00"));
        String coll = collection(store, "Fruit", List.of(a));
        String query = "{ collections(first: 5) { nodes { title products(first: 5) { nodes { title } } } } }";
        awaitListening();
        cached(store, query);

        JsonPath added = store.owner().execute(CatalogFixtures.COLLECTION_ADD, Map.of("id", coll, "ids", List.of(b)));
        assertThat(added.getList("data.collectionAddProducts.userErrors")).isEmpty();

        assertThat(store.storefront().execute(query).getList("data.collections.nodes[0].products.nodes.title"))
                .containsExactlyInAnyOrder("Apple", "Banana");
    }

    @Test
    void aWriteByAnotherInstanceIsSeenWithinTheBound() throws Exception {
        TestStore store = TestStores.create("cache-remote");
        String id = createOk(store, product("Lamp", "ACTIVE", "9.00"));
        awaitListening();
        cached(store, LIST);

        // Another instance: its own connection, as the migration owner, no code of this application.
        try (Connection c = ownerConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement bind = c.prepareStatement("select set_config('app.store_id', ?, true)")) {
                bind.setString(1, store.id().value().toString());
                bind.execute();
            }
            try (PreparedStatement update = c.prepareStatement("update catalog.product set title = 'Desk lamp' where id = ?")) {
                update.setObject(1, GlobalId.parse(id, "Product").orElseThrow());
                assertThat(update.executeUpdate()).isEqualTo(1);
            }
            c.commit();
        }

        await(() -> store.storefront().execute(LIST).getList("data.products.nodes.title").equals(List.of("Desk lamp")),
                "the other instance's write to be served");
    }

    @Test
    void entriesArePerStore() {
        TestStore a = TestStores.create("cache-a");
        TestStore b = TestStores.create("cache-b");
        createOk(a, product("Alpha", "ACTIVE", "1.00"));
        createOk(b, product("Beta", "ACTIVE", "1.00"));
        awaitListening();
        cached(a, LIST);
        cached(b, LIST);

        Response fromA = a.storefront().post(LIST, Map.of());
        Response fromB = b.storefront().post(LIST, Map.of());

        assertThat(fromA.header(StorefrontCacheRoute.CACHE_HEADER)).isEqualTo("hit");
        assertThat(fromB.header(StorefrontCacheRoute.CACHE_HEADER)).isEqualTo("hit");
        assertThat(fromA.jsonPath().getList("data.products.nodes.title")).containsExactly("Alpha");
        assertThat(fromB.jsonPath().getList("data.products.nodes.title")).containsExactly("Beta");
    }

    @Test
    void responsesWithErrorsAreNotCached() {
        TestStore store = TestStores.create("cache-err");
        awaitListening();
        knowToken(store);
        String bad = "{ product(id: \"gid://shopgraph/Product/" + UUID.randomUUID() + "\", handle: \"x\") { title } }";

        for (int i = 0; i < 3; i++) {
            Response response = store.storefront().post(bad, Map.of());
            assertThat(response.jsonPath().getString("errors[0].extensions.code")).isEqualTo("BAD_REQUEST");
            assertThat(response.header(StorefrontCacheRoute.CACHE_HEADER)).isEqualTo("miss");
        }
    }

    @Test
    void merchantsCustomersAndMutationsNeverUseTheCache() {
        TestStore store = TestStores.create("cache-merchant");
        createOk(store, product("Draft", "DRAFT", "1.00"));
        awaitListening();

        for (int i = 0; i < 2; i++) {
            long before = SqlStatementCounter.requestTotal();
            Response merchant = store.owner().post(LIST, Map.of());
            assertThat(SqlStatementCounter.requestTotal() - before).as("merchant reads run SQL").isPositive();
            assertThat(merchant.header(StorefrontCacheRoute.CACHE_HEADER)).isNull();
            assertThat(merchant.jsonPath().getList("data.products.nodes.title")).containsExactly("Draft");
        }
        for (int i = 0; i < 2; i++) {
            Response withCustomer = store.storefront().header("X-Customer-Token", "not-a-token").post(LIST, Map.of());
            assertThat(withCustomer.header(StorefrontCacheRoute.CACHE_HEADER)).isNull();
            Response noCache = store.storefront().uncached().post(LIST, Map.of());
            assertThat(noCache.header(StorefrontCacheRoute.CACHE_HEADER)).isNull();
        }
        assertThat(store.storefront().execute(LIST).getList("data.products.nodes")).as("drafts stay hidden").isEmpty();
    }

    @Test
    void mutationDocumentsThatWriteNothingFlushNothing() {
        TestStore store = TestStores.create("cache-noflush");
        TestStore other = TestStores.create("cache-noflush-b");
        String id = createOk(store, product("Vase", "ACTIVE", "4.00"));
        createOk(other, product("Bowl", "ACTIVE", "4.00"));
        awaitListening();
        knowToken(store);
        knowToken(other);
        StorefrontCache.Stamp before = cache.stamp(store.id());
        StorefrontCache.Stamp otherBefore = cache.stamp(other.id());
        Map<String, Object> rename = Map.of("id", id, "input", Map.of("title", "Tall vase"));

        // Anonymous (no credential at all), a storefront caller refused a merchant mutation, a mutation with
        // no store bound, a refused mutation of another store's product and a userError: none of them writes.
        GraphQL.anonymous().post(UPDATE, rename);
        store.storefront().post(UPDATE, rename);
        GraphQL.storefront("not-a-token-" + UUID.randomUUID()).post(UPDATE, rename);
        other.owner().post(UPDATE, rename);
        JsonPath invalid = store.owner().execute(UPDATE, Map.of("id", id, "input", Map.of("title", "")));
        assertThat(invalid.getList("data.productUpdate.userErrors")).isNotEmpty();

        // The stamps (the store's version and the whole cache's epoch) are what a flush moves.
        assertThat(cache.stamp(store.id())).isEqualTo(before);
        assertThat(cache.stamp(other.id())).isEqualTo(otherBefore);
        assertThat(store.storefront().execute(LIST).getList("data.products.nodes.title")).containsExactly("Vase");
    }

    @Test
    void aRevokedOrUnknownTokenIsNeverServedFromTheCache() {
        TestStore store = TestStores.create("cache-token");
        createOk(store, product("Kite", "ACTIVE", "1.00"));
        awaitListening();
        cached(store, LIST);

        Response unknown = GraphQL.storefront("not-a-token-" + UUID.randomUUID()).post(LIST, Map.of());
        assertThat(unknown.header(StorefrontCacheRoute.CACHE_HEADER)).isNull();
        assertThat(unknown.jsonPath().getString("errors[0].extensions.code")).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void whileTheListenerIsDisconnectedNothingIsServedAndItReconnects() {
        TestStore store = TestStores.create("cache-listener");
        createOk(store, product("Drum", "ACTIVE", "1.00"));
        awaitListening();
        cached(store, LIST);

        listener.breakConnectionForTest();
        await(() -> !"hit".equals(store.storefront().post(LIST, Map.of()).header(StorefrontCacheRoute.CACHE_HEADER)),
                "the broken listener to flush the cache");
        awaitListening();
        cached(store, LIST);
    }

    @Test
    void everyCatalogAndInventoryTableAnnouncesItsChanges() throws Exception {
        List<String> silent = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rows = s.executeQuery("""
                select n.nspname || '.' || t.relname
                from pg_class t join pg_namespace n on n.oid = t.relnamespace
                where t.relkind in ('r', 'p') and n.nspname in ('catalog', 'inventory')
                  and not exists (select 1 from pg_trigger g join pg_proc f on f.oid = g.tgfoid
                                  where g.tgrelid = t.oid and f.proname = 'notify_storefront_change' and not g.tgisinternal)
                """)) {
            while (rows.next()) {
                silent.add(rows.getString(1));
            }
        }
        assertThat(silent).as("catalog/inventory tables without the storefront change trigger (see docs/performance.md)")
                .isEmpty();
    }

    /** Reads until the response comes from the cache, so the test starts from a cached state. */
    private void cached(TestStore store, String query) {
        await(() -> "hit".equals(store.storefront().post(query, Map.of()).header(StorefrontCacheRoute.CACHE_HEADER)),
                "the read to be cached");
    }

    /** The first request of a token resolves it (a transaction); only requests after it can use the cache. */
    private static void knowToken(TestStore store) {
        store.storefront().execute("{ shop { name } }");
    }

    private void awaitListening() {
        await(cache::listening, "the change listener to connect");
    }

    private static void await(Supplier<Boolean> condition, String what) {
        long deadline = System.nanoTime() + POLL_MILLIS * 1_000_000;
        while (!condition.get()) {
            assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static Connection ownerConnection() throws Exception {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.flyway.username", String.class), config.getValue("quarkus.flyway.password", String.class));
    }
}
