package io.shopgraph.catalog;

import static io.shopgraph.catalog.CatalogFixtures.createOk;
import static io.shopgraph.catalog.CatalogFixtures.product;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.shopgraph.platform.tenancy.StoreConnectionInterceptor;
import io.shopgraph.testing.TestStores;
import io.shopgraph.testing.TestStores.TestStore;

/** platform.persistence.ReadTransaction: a GraphQL query reads in one transaction (one store binding), read-only, and survives a failing field. */
@QuarkusTest
class ReadTransactionTest {

    static final String LISTING = "{ products(first: 10, sortKey: TITLE) { nodes { id title featuredImage { url } "
            + "collections { handle } variants(first: 5) { nodes { id price { amount } quantityAvailable availableForSale } } } } }";

    @Test
    void aStorefrontListingWithNestedBatchesBindsOneConnectionOnce() {
        TestStore store = TestStores.create("readtx-one");
        createOk(store, product("Kettle", "ACTIVE", "20.00"));
        createOk(store, product("Teapot", "ACTIVE", "25.00"));
        store.storefront().execute("{ shop { name } }"); // resolves the token (its own transaction) beforehand

        long before = StoreConnectionInterceptor.bindings();
        JsonPath body = store.storefront().uncached().execute(LISTING);
        long bindings = StoreConnectionInterceptor.bindings() - before;

        assertThat(body.getList("data.products.nodes.title")).containsExactly("Kettle", "Teapot");
        assertThat(body.getList("data.products.nodes[0].variants.nodes.quantityAvailable")).hasSize(1);
        // products, collections, variants, stock and availability: five batch resolvers, one transaction.
        assertThat(bindings).as("transactions that bound a connection to the store").isEqualTo(1);
    }

    @Test
    void aMerchantQueryAlsoReadsInOneTransaction() {
        TestStore store = TestStores.create("readtx-merchant");
        createOk(store, product("Jug", "DRAFT", "20.00"));
        store.owner().execute("{ shop { name } }");

        long before = StoreConnectionInterceptor.bindings();
        JsonPath body = store.owner().execute(LISTING);

        assertThat(body.getList("data.products.nodes.title")).containsExactly("Jug");
        assertThat(StoreConnectionInterceptor.bindings() - before).isEqualTo(1);
    }

    @Test
    void aFailingFieldLeavesTheOtherFieldsOfTheDocumentReadable() {
        TestStore store = TestStores.create("readtx-fail");
        String mug = createOk(store, product("Mug", "ACTIVE", "8.00"));
        CatalogFixtures.collection(store, "Kitchen", java.util.List.of(mug));

        // A bad cursor fails inside the (joined) @Transactional variants read, which marks the transaction
        // rollback-only; the collection's products are read one level deeper, after that failure.
        JsonPath body = store.storefront().uncached().execute("{ bad: product(handle: \"mug\") { title "
                + "variants(first: 1, after: \"garbage\") { nodes { id } } } good: collections(first: 5) { nodes { "
                + "products(first: 5) { nodes { title } } } } }");

        assertThat(body.getString("errors[0].extensions.code")).isEqualTo("BAD_REQUEST");
        assertThat(body.getList("errors.path[0]")).containsExactly("bad", "variants");
        assertThat(body.getString("data.bad")).isNull();
        assertThat(body.getList("data.good.nodes[0].products.nodes.title")).containsExactly("Mug");
    }

    @Test
    void mutationsStillWriteAfterQueriesOnTheSameThreads() {
        TestStore store = TestStores.create("readtx-write");
        String id = createOk(store, product("Bowl", "ACTIVE", "8.00"));
        for (int i = 0; i < 5; i++) {
            store.storefront().execute(LISTING);
            JsonPath updated = store.owner().execute("mutation($id: ID!, $input: ProductUpdateInput!) { productUpdate(id: $id, "
                    + "input: $input) { product { title } userErrors { code } } }", Map.of("id", id, "input", Map.of("title", "Bowl " + i)));
            assertThat(updated.getString("data.productUpdate.product.title")).isEqualTo("Bowl " + i);
        }
    }
}
