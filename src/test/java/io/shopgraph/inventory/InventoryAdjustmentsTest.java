package io.shopgraph.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.shopgraph.platform.tenancy.TenantScope;
import io.shopgraph.testing.TestStores;
import io.shopgraph.testing.TestStores.TestStore;

/** Merchants read stock per variant and change it by deltas with a recorded reason. */
@QuarkusTest
class InventoryAdjustmentsTest {

    static final String CREATE = "mutation($input: ProductCreateInput!) { productCreate(input: $input) { "
            + "product { variants { nodes { id } } } userErrors { code } } }";
    static final String ADJUST = "mutation($i: InventoryAdjustQuantitiesInput!) { inventoryAdjustQuantities(input: $i) { "
            + "stockLevels { variantId onHand tracked policy } userErrors { field code message } } }";
    static final String LEVELS = "query($h: String!) { product(handle: $h) { variants { nodes { id quantityAvailable "
            + "inventoryLevel { variantId onHand tracked policy } } } } }";

    @Inject
    EntityManager em;
    @Inject
    TenantScope tenantScope;

    private static List<String> variants(TestStore store, String title) {
        JsonPath created = store.owner().execute(CREATE, Map.of("input", Map.of("title", title, "status", "ACTIVE",
                "options", List.of(Map.of("name", "Size", "values", List.of("S", "M"))),
                "variants", List.of(Map.of("price", "5.00", "optionValues", List.of("S")),
                        Map.of("price", "6.00", "optionValues", List.of("M"))))));
        assertThat(created.getList("data.productCreate.userErrors")).isEmpty();
        return created.getList("data.productCreate.product.variants.nodes.id");
    }

    @Test
    void merchantsReadStockLevelsAndStorefrontsDoNot() {
        TestStore store = TestStores.create("inv-read");
        List<String> ids = variants(store, "Mug");

        JsonPath merchant = store.owner().execute(LEVELS, Map.of("h", "mug"));
        assertThat(merchant.getList("data.product.variants.nodes.inventoryLevel.tracked")).containsExactly(false, false);
        assertThat(merchant.getList("data.product.variants.nodes.inventoryLevel.policy")).containsExactly("DENY", "DENY");
        assertThat(merchant.getList("data.product.variants.nodes.inventoryLevel.variantId")).containsExactlyElementsOf(ids);

        JsonPath storefront = store.storefront().execute(LEVELS, Map.of("h", "mug"));
        assertThat(storefront.getList("errors")).isNull();
        assertThat(storefront.getList("data.product.variants.nodes.inventoryLevel")).containsExactly(null, null);
    }

    @Test
    void adjustmentsAddUpRecordTheirReasonAndRefuseToGoBelowZero() {
        TestStore store = TestStores.create("inv-adjust");
        List<String> ids = variants(store, "Plate");

        JsonPath received = store.owner().execute(ADJUST, Map.of("i", Map.of("reason", "RECEIVED", "note", "Delivery 42",
                "changes", List.of(Map.of("variantId", ids.get(0), "delta", 12), Map.of("variantId", ids.get(1), "delta", 3)))));
        assertThat(received.getList("data.inventoryAdjustQuantities.userErrors")).isEmpty();
        assertThat(received.getList("data.inventoryAdjustQuantities.stockLevels.onHand")).containsExactlyInAnyOrder(12, 3);
        assertThat(received.getList("data.inventoryAdjustQuantities.stockLevels.tracked")).containsOnly(true);

        JsonPath damaged = store.owner().execute(ADJUST, Map.of("i", Map.of("reason", "DAMAGED",
                "changes", List.of(Map.of("variantId", ids.get(0), "delta", -2)))));
        assertThat(damaged.getInt("data.inventoryAdjustQuantities.stockLevels[0].onHand")).isEqualTo(10);

        // A line that would go below zero refuses the whole call: the first line is not applied either.
        JsonPath tooMuch = store.owner().execute(ADJUST, Map.of("i", Map.of("reason", "SHRINKAGE",
                "changes", List.of(Map.of("variantId", ids.get(0), "delta", -1), Map.of("variantId", ids.get(1), "delta", -4)))));
        assertThat(tooMuch.getString("data.inventoryAdjustQuantities.userErrors[0].code")).isEqualTo("INVALID_QUANTITY");
        assertThat(tooMuch.getList("data.inventoryAdjustQuantities.userErrors[0].field"))
                .containsExactly("input", "changes", "1", "delta");
        assertThat(store.storefront().execute(LEVELS, Map.of("h", "plate")).getList("data.product.variants.nodes.quantityAvailable"))
                .containsExactly(10, 3);

        List<Object[]> rows = adjustments(store);
        assertThat(rows).hasSize(3);
        assertThat(rows).extracting(r -> r[0] + " " + r[1] + " " + r[2] + " " + r[3])
                .containsExactlyInAnyOrder("12 12 RECEIVED Delivery 42", "3 3 RECEIVED Delivery 42", "-2 10 DAMAGED null");
        assertThat(rows).extracting(r -> (String) r[4]).containsOnly(store.ownerSubject());
    }

    @Test
    void badLinesAreUserErrorsAndWriteNothing() {
        TestStore store = TestStores.create("inv-bad");
        List<String> ids = variants(store, "Bowl");
        TestStore other = TestStores.create("inv-bad-other");

        assertThat(code(store, List.of(Map.of("variantId", ids.get(0), "delta", 0)))).isEqualTo("INVALID_QUANTITY");
        assertThat(code(store, List.of(Map.of("variantId", ids.get(0), "delta", 2_000_000_000)))).isEqualTo("INVALID_QUANTITY");
        assertThat(code(store, List.of(Map.of("variantId", ids.get(0), "delta", 1), Map.of("variantId", ids.get(0), "delta", 1))))
                .isEqualTo("INVALID_INPUT");
        assertThat(code(store, List.of(Map.of("variantId", "gid://shopgraph/Product/x", "delta", 1)))).isEqualTo("NOT_FOUND");
        assertThat(code(store, List.of())).isEqualTo("INVALID_INPUT");
        assertThat(code(other, List.of(Map.of("variantId", ids.get(0), "delta", 5)))).as("another store's variant").isEqualTo("NOT_FOUND");
        JsonPath longNote = store.owner().execute(ADJUST, Map.of("i", Map.of("reason", "OTHER", "note", "n".repeat(501),
                "changes", List.of(Map.of("variantId", ids.get(0), "delta", 1)))));
        assertThat(longNote.getString("data.inventoryAdjustQuantities.userErrors[0].code")).isEqualTo("INVALID_NOTE");

        assertThat(adjustments(store)).isEmpty();
        assertThat(store.owner().execute(LEVELS, Map.of("h", "bowl")).getList("data.product.variants.nodes.inventoryLevel.onHand"))
                .containsExactly(0, 0);
    }

    @Test
    void concurrentAdjustmentsAllLand() throws Exception {
        TestStore store = TestStores.create("inv-race");
        String variant = variants(store, "Cup").get(0);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<JsonPath>> calls = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                calls.add(() -> store.owner().execute(ADJUST, Map.of("i", Map.of("reason", "RECEIVED",
                        "changes", List.of(Map.of("variantId", variant, "delta", 1))))));
            }
            for (Future<JsonPath> done : pool.invokeAll(calls)) {
                assertThat(done.get().getList("data.inventoryAdjustQuantities.userErrors")).isEmpty();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.owner().execute(LEVELS, Map.of("h", "cup")).getInt("data.product.variants.nodes[0].inventoryLevel.onHand"))
                .isEqualTo(16);
        assertThat(adjustments(store)).hasSize(16);
    }

    private static String code(TestStore store, List<Map<String, Object>> changes) {
        return store.owner().execute(ADJUST, Map.of("i", Map.of("reason", "CORRECTION", "changes", changes)))
                .getString("data.inventoryAdjustQuantities.userErrors[0].code");
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> adjustments(TestStore store) {
        List<Object[]> rows = new ArrayList<>();
        tenantScope.run(store.id(), () -> QuarkusTransaction.requiringNew().run(() -> rows.addAll(em.createNativeQuery(
                "select delta, on_hand_after, reason, coalesce(note, 'null'), actor from inventory.stock_adjustment order by created_at, delta desc")
                .getResultList())));
        return rows;
    }
}
