package io.shopgraph.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.shopgraph.catalog.seed.CatalogDemoSeeder;
import io.shopgraph.catalog.seed.CatalogReferenceLoader;
import io.shopgraph.testing.TestStores.TestStore;
import io.shopgraph.testing.TestStores;

@QuarkusTest
class CatalogSeedTest {

    @Test
    void theDemoCatalogueHasFiftyProductsOfEveryKindInCollectionsAndSeedsOnce() throws Exception {
        TestStore store = TestStores.create("cat-seed");
        CatalogDemoSeeder seeder = Arc.container().instance(CatalogDemoSeeder.class).get();

        int first = inRequest(() -> seeder.seed(store.id()));
        int second = inRequest(() -> seeder.seed(store.id()));

        assertThat(first).isEqualTo(50);
        assertThat(second).isZero();
        JsonPath body = store.storefront().execute("{ products(first: 100) { nodes { kind featuredImage { url } "
                + "variants { nodes { sku } } } } collections(first: 20) { nodes { handle products(first: 100) { nodes { id } } } } }");
        assertThat(body.getList("data.products.nodes")).hasSize(50);
        assertThat(body.getList("data.products.nodes.kind")).contains("PHYSICAL", "DIGITAL", "SERVICE", "GIFT_CARD");
        assertThat(body.getList("data.products.nodes.featuredImage.url")).doesNotContainNull();
        assertThat(body.getList("data.collections.nodes.handle")).hasSizeGreaterThanOrEqualTo(5).contains("apparel", "gift-cards");
        assertThat(body.getList("data.collections.nodes[0].products.nodes")).isNotEmpty();
    }

    @Test
    void theReferenceCatalogueLoadsWithTagsCollectionsPricesAndStock() throws Exception {
        TestStore store = TestStores.create("cat-ref");
        CatalogReferenceLoader loader = Arc.container().instance(CatalogReferenceLoader.class).get();
        // The first 30 products of bench/data/catalog-1000.json.gz with its header, collections and facets,
        // kept in the repository so the test does not depend on a file outside it.
        Path file = Path.of("src/test/resources/catalog-sample.json");

        int loaded = inRequest(() -> loader.load(store.id(), file, 30));
        int again = inRequest(() -> loader.load(store.id(), file, 30));

        assertThat(loaded).isEqualTo(30);
        assertThat(again).isZero();
        JsonPath product = store.storefront().execute("{ product(handle: \"ivory-bamboo-scarf-00001\") { tags options { name values } "
                + "collections { handle } variants { nodes { sku price { amount currencyCode } quantityAvailable } } } }");
        assertThat(product.getList("data.product.tags")).containsExactly("category-01");
        assertThat(product.getList("data.product.options[0].values")).containsExactly("S", "M", "L");
        assertThat(product.getList("data.product.collections.handle")).containsExactly("collection-01");
        assertThat(product.getString("data.product.variants.nodes[0].sku")).isEqualTo("SKU-00001-S");
        assertThat(product.getString("data.product.variants.nodes[0].price.amount")).as("test stores show prices with tax").isEqualTo("130.52");
        assertThat(product.getInt("data.product.variants.nodes[0].quantityAvailable")).isEqualTo(50);
        JsonPath all = store.storefront().execute("{ products(first: 100) { nodes { id } } collections(first: 100) { nodes { handle } } }");
        assertThat(all.getList("data.products.nodes")).hasSize(30);
        assertThat(all.getList("data.collections.nodes")).hasSize(20);
    }

    private static <T> T inRequest(Callable<T> work) throws Exception {
        return CompletableFuture.supplyAsync(() -> {
            ManagedContext context = Arc.container().requestContext();
            context.activate();
            try {
                return work.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                context.terminate();
            }
        }).get();
    }

}
