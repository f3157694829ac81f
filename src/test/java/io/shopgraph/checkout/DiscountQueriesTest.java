package io.shopgraph.checkout;

import static io.shopgraph.checkout.DiscountCodesTest.created;
import static io.shopgraph.checkout.DiscountCodesTest.product;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.shopgraph.platform.persistence.SqlStatementCounter;
import io.shopgraph.testing.TestStores;
import io.shopgraph.testing.TestStores.TestStore;

/** Merchants read their discounts (read_discounts): two connections, one by id and through node, with rules, status and usage. */
@QuarkusTest
class DiscountQueriesTest {

    static final String FIELDS = "id code title status kind discountClass percentage amount { amount currencyCode } eachItem buyQuantity "
            + "getQuantity minimumSubtotal { amount } minimumQuantity appliesToEverything productIds variantIds collectionIds combinesWith "
            + "startsAt endsAt usageLimit usageLimitPerCustomer usedCount createdAt";
    static final String CODES = "query($f: Int, $a: String, $q: String) { discountCodes(first: $f, after: $a, query: $q) { edges { cursor node { "
            + FIELDS + " } } nodes { code } pageInfo { hasNextPage hasPreviousPage endCursor } } }";
    static final String AUTOMATIC = "query($f: Int, $a: String, $q: String) { automaticDiscounts(first: $f, after: $a, query: $q) { "
            + "nodes { id title status } pageInfo { hasNextPage } } }";

    @Test
    void codesAndAutomaticDiscountsArePagedNewestFirstWithTheirRulesStatusAndUsage() {
        TestStore store = TestStores.create("discount-read");
        List<String> mug = product(store, "Read mug", "10.00");
        String summer = created(store, Map.of("code", "Summer12", "title", "Summer sale", "kind", "PERCENTAGE", "percentage", "12.5",
                "minimumSubtotal", "20.00", "productIds", List.of(mug.get(0)), "combinesWith", List.of("SHIPPING", "ORDER"),
                "usageLimit", 100, "usageLimitPerCustomer", 1, "endsAt", "2099-01-01T00:00:00Z"));
        created(store, Map.of("code", "OLD5", "title", "Old five", "kind", "FIXED_AMOUNT", "amount", "5.00", "eachItem", true,
                "startsAt", "2020-01-01T00:00:00Z", "endsAt", "2021-01-01T00:00:00Z"));
        created(store, Map.of("code", "LATER", "title", "Later", "kind", "BUY_X_GET_Y", "buyQuantity", 2, "getQuantity", 1,
                "startsAt", "2099-01-01T00:00:00Z"));
        created(store, Map.of("title", "Auto ten", "kind", "PERCENTAGE", "percentage", "10", "minimumQuantity", 3));
        created(store, Map.of("title", "Auto ship", "kind", "FREE_SHIPPING"));

        JsonPath first = ok(store.owner().execute(CODES, Map.of("f", 2)));
        assertThat(first.getList("data.discountCodes.nodes.code")).containsExactly("LATER", "OLD5");
        assertThat(first.getBoolean("data.discountCodes.pageInfo.hasNextPage")).isTrue();
        assertThat(first.getBoolean("data.discountCodes.pageInfo.hasPreviousPage")).isFalse();
        assertThat(first.getString("data.discountCodes.edges[0].node.status")).isEqualTo("SCHEDULED");
        assertThat(first.getString("data.discountCodes.edges[0].node.percentage")).as("buy X get Y defaults to free").isEqualTo("100");
        assertThat(first.getInt("data.discountCodes.edges[0].node.buyQuantity")).isEqualTo(2);
        assertThat(first.getString("data.discountCodes.edges[1].node.status")).isEqualTo("EXPIRED");
        assertThat(first.getString("data.discountCodes.edges[1].node.amount.amount")).isEqualTo("5.00");
        assertThat(first.getBoolean("data.discountCodes.edges[1].node.eachItem")).isTrue();
        assertThat(first.getString("data.discountCodes.edges[1].node.percentage")).isNull();

        JsonPath second = ok(store.owner().execute(CODES, Map.of("f", 2, "a", first.getString("data.discountCodes.pageInfo.endCursor"))));
        assertThat(second.getList("data.discountCodes.nodes.code")).containsExactly("SUMMER12");
        assertThat(second.getBoolean("data.discountCodes.pageInfo.hasNextPage")).isFalse();
        assertThat(second.getBoolean("data.discountCodes.pageInfo.hasPreviousPage")).isTrue();
        Map<String, Object> node = second.getMap("data.discountCodes.edges[0].node");
        assertThat(node).containsEntry("id", summer).containsEntry("title", "Summer sale").containsEntry("status", "ACTIVE")
                .containsEntry("kind", "PERCENTAGE").containsEntry("discountClass", "PRODUCT").containsEntry("percentage", "12.5")
                .containsEntry("appliesToEverything", false).containsEntry("productIds", List.of(mug.get(0)))
                .containsEntry("combinesWith", List.of("ORDER", "SHIPPING")).containsEntry("usageLimit", 100)
                .containsEntry("usageLimitPerCustomer", 1).containsEntry("usedCount", 0).containsEntry("endsAt", "2099-01-01T00:00:00Z");
        assertThat(second.getString("data.discountCodes.edges[0].node.minimumSubtotal.amount")).isEqualTo("20.00");

        // The search: code or title, case-insensitive; LIKE's wildcards are plain characters.
        assertThat(ok(store.owner().execute(CODES, Map.of("q", "summ"))).getList("data.discountCodes.nodes.code")).containsExactly("SUMMER12");
        assertThat(ok(store.owner().execute(CODES, Map.of("q", "old FIVE"))).getList("data.discountCodes.nodes.code")).containsExactly("OLD5");
        assertThat(ok(store.owner().execute(CODES, Map.of("q", "%"))).getList("data.discountCodes.nodes")).isEmpty();
        assertThat(ok(store.owner().execute(CODES, Map.of("q", "_"))).getList("data.discountCodes.nodes")).isEmpty();

        JsonPath automatic = ok(store.owner().execute(AUTOMATIC, Map.of()));
        assertThat(automatic.getList("data.automaticDiscounts.nodes.title")).containsExactly("Auto ship", "Auto ten");
        assertThat(automatic.getList("data.automaticDiscounts.nodes.status")).containsOnly("ACTIVE");
        assertThat(ok(store.owner().execute(AUTOMATIC, Map.of("q", "TEN"))).getList("data.automaticDiscounts.nodes.title"))
                .containsExactly("Auto ten");

        // One by id and through node; a discount of another store is absent, like an unknown id.
        JsonPath one = ok(store.owner().execute("query($id: ID!) { discount(id: $id) { code usedCount } node(id: $id) { id "
                + "... on Discount { title } } }", Map.of("id", summer)));
        assertThat(one.getString("data.discount.code")).isEqualTo("SUMMER12");
        assertThat(one.getString("data.node.title")).isEqualTo("Summer sale");
        TestStore other = TestStores.create("discount-read-other");
        JsonPath foreign = ok(other.owner().execute("query($id: ID!) { discount(id: $id) { code } node(id: $id) { id } }", Map.of("id", summer)));
        assertThat(foreign.getString("data.discount")).isNull();
        assertThat(foreign.getString("data.node")).isNull();
        assertThat(ok(other.owner().execute(CODES, Map.of())).getList("data.discountCodes.nodes")).isEmpty();
        assertThat(ok(store.storefront().execute("query($id: ID!) { node(id: $id) { id } }", Map.of("id", summer))).getString("data.node"))
                .as("shoppers do not see discounts through node").isNull();

        // Malformed arguments are coded errors, never INTERNAL.
        JsonPath badCursor = store.owner().execute(CODES, Map.of("a", "bm90LWEtY3Vyc29y"));
        assertThat(badCursor.getString("errors[0].extensions.code")).isEqualTo("BAD_REQUEST");
        JsonPath tooMany = store.owner().execute(CODES, Map.of("f", 101));
        assertThat(tooMany.getString("errors[0].extensions.code")).isNotNull().isNotEqualTo("INTERNAL");
        JsonPath longQuery = store.owner().execute(CODES, Map.of("q", "x".repeat(300)));
        assertThat(longQuery.getString("errors[0].extensions.code")).isEqualTo("BAD_REQUEST");
    }

    @Test
    void aPageCostsTheSameStatementsWhateverItsSize() {
        TestStore store = TestStores.create("discount-read-budget");
        for (int i = 0; i < 6; i++) {
            created(store, Map.of("code", "B" + i, "title", "Budget " + i, "kind", "PERCENTAGE", "percentage", "5"));
        }
        long two = statements(() -> ok(store.owner().execute(CODES, Map.of("f", 2))));
        long six = statements(() -> ok(store.owner().execute(CODES, Map.of("f", 6))));
        assertThat(six).as("statements for 6 discounts vs %d for 2", two).isEqualTo(two);
        assertThat(two).as("the caller's access, the page and the store's currency").isLessThanOrEqualTo(4);
    }

    private static JsonPath ok(JsonPath body) {
        assertThat(body.getList("errors")).as(body.prettify()).isNull();
        return body;
    }

    private static long statements(Supplier<JsonPath> call) {
        long before = SqlStatementCounter.requestTotal();
        call.get();
        return SqlStatementCounter.requestTotal() - before;
    }
}
