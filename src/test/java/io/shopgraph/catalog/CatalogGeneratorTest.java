package io.shopgraph.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.shopgraph.catalog.seed.CatalogGenerator;
import io.shopgraph.platform.tenancy.TenantScope;
import io.shopgraph.testing.TestStores.TestStore;
import io.shopgraph.testing.TestStores;

/** The bench catalogue generator: deterministic products with variants, stock, availability and collections. */
@QuarkusTest
class CatalogGeneratorTest {

    static final String PRODUCT = "query($h: String) { product(handle: $h) { id title vendor tags availableForSale "
            + "priceRange { minVariantPrice { amount } maxVariantPrice { amount } } featuredImage { url } "
            + "variants { nodes { id sku price { amount } quantityAvailable availableForSale } } collections { handle } } }";

    @Inject
    CatalogGenerator generator;

    @Inject
    TenantScope tenantScope;

    @Test
    void theSameNumberGivesTheSameCatalogueWithStockAvailabilityAndCollections() {
        TestStore a = TestStores.create("gen-a");
        TestStore b = TestStores.create("gen-b");
        assertThat(tenantScope.call(a.id(), () -> generator.generate(a.id(), 1200))).isEqualTo(1200);
        assertThat(tenantScope.call(b.id(), () -> generator.generate(b.id(), 1200))).isEqualTo(1200);
        assertThat(tenantScope.call(a.id(), () -> generator.generate(a.id(), 1200))).as("a second run adds nothing").isZero();

        for (String handle : List.of("gen-000000", "gen-000999", "gen-001100")) {
            JsonPath fromA = a.storefront().execute(PRODUCT, java.util.Map.of("h", handle));
            JsonPath fromB = b.storefront().execute(PRODUCT, java.util.Map.of("h", handle));
            assertThat(fromA.getList("errors")).isNull();
            assertThat(fromA.getMap("data.product")).as("same N, same product " + handle).isEqualTo(fromB.getMap("data.product"));
        }
        int visible = 0;
        int checked = 0;
        for (int i = 0; i < 1200; i += 37) {
            JsonPath p = a.storefront().execute(PRODUCT, java.util.Map.of("h", String.format("gen-%06d", i)));
            if (p.get("data.product") == null) {
                continue; // a draft or archived one
            }
            visible++;
            List<Integer> quantities = p.getList("data.product.variants.nodes.quantityAvailable");
            assertThat(quantities).hasSize(3);
            assertThat(p.getBoolean("data.product.availableForSale")).isEqualTo(quantities.stream().anyMatch(q -> q > 0));
            List<String> prices = p.getList("data.product.variants.nodes.price.amount");
            assertThat(p.getString("data.product.priceRange.minVariantPrice.amount")).isEqualTo(prices.get(0));
            assertThat(p.getString("data.product.priceRange.maxVariantPrice.amount")).isEqualTo(prices.get(2));
            assertThat(p.getList("data.product.collections.handle")).containsExactly("gen-collection-" + (i % 20));
            assertThat(p.getString("data.product.featuredImage.url")).startsWith("https://img.example/generated/");
            checked++;
        }
        assertThat(checked).isGreaterThan(25);
        assertThat(visible).isEqualTo(checked);
        JsonPath page = a.storefront().execute("{ collection(handle: \"gen-collection-3\") { products(first: 100) { nodes { handle } } } }");
        assertThat(page.getList("data.collection.products.nodes")).hasSizeGreaterThan(50);
    }
}
