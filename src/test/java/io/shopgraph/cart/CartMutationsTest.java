package io.shopgraph.cart;

import static io.shopgraph.cart.CartFixtures.ADD;
import static io.shopgraph.cart.CartFixtures.ATTRIBUTES;
import static io.shopgraph.cart.CartFixtures.BUYER;
import static io.shopgraph.cart.CartFixtures.CREATE;
import static io.shopgraph.cart.CartFixtures.NOTE;
import static io.shopgraph.cart.CartFixtures.READ;
import static io.shopgraph.cart.CartFixtures.REMOVE;
import static io.shopgraph.cart.CartFixtures.UPDATE;
import static io.shopgraph.cart.CartFixtures.cart;
import static io.shopgraph.cart.CartFixtures.customerToken;
import static io.shopgraph.cart.CartFixtures.line;
import static io.shopgraph.cart.CartFixtures.ok;
import static io.shopgraph.cart.CartFixtures.variant;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.shopgraph.testing.GraphQL;
import io.shopgraph.testing.TestStores;
import io.shopgraph.testing.TestStores.TestStore;

/** Every cart mutation over HTTP: success, each failure code, limits, merging and concurrency. */
@QuarkusTest
class CartMutationsTest {

    @Test
    void cartCreateTakesLinesNoteAttributesAndContactAndCartReadsItBack() {
        TestStore store = TestStores.create("cart-create");
        String mug = variant(store, "Mug", "12.50");
        String ebook = variant(store, "Ebook", "5.00", null, false);
        JsonPath body = ok(store.storefront().execute(CREATE, Map.of("i", Map.of("lines", List.of(line(mug, 2), line(ebook, 1)),
                "note", "Gift wrap please", "attributes", List.of(Map.of("key", "source", "value", "newsletter")),
                "buyerIdentity", Map.of("email", "Shopper@Example.com", "countryCode", "FR", "phone", "+33 6 12 34 56 78")))), "cartCreate");
        String id = body.getString("data.cartCreate.cart.id");
        assertThat(id).matches("gid://shopgraph/Cart/[0-9a-f-]{36}");
        assertThat(UUID.fromString(id.substring(id.lastIndexOf('/') + 1)).version()).as("random, not time-ordered").isEqualTo(4);
        assertThat(body.getInt("data.cartCreate.cart.totalQuantity")).isEqualTo(3);
        assertThat(body.getString("data.cartCreate.cart.cost.subtotalAmount.amount")).isEqualTo("30.00");
        assertThat(body.getString("data.cartCreate.cart.cost.totalAmount.amount")).isEqualTo("30.00");
        assertThat(body.getString("data.cartCreate.cart.cost.totalAmount.currencyCode")).isEqualTo("EUR");
        assertThat(body.getBoolean("data.cartCreate.cart.requiresShipping")).isTrue();
        assertThat(body.getString("data.cartCreate.cart.buyerIdentity.email")).isEqualTo("shopper@example.com");
        assertThat(body.getString("data.cartCreate.cart.buyerIdentity.phone")).isEqualTo("+33612345678");
        assertThat(body.getList("data.cartCreate.cart.lines.nodes.merchandise.id")).containsExactly(mug, ebook);
        assertThat(body.getList("data.cartCreate.cart.lines.nodes.cost.subtotalAmount.amount")).containsExactly("25.00", "5.00");
        assertThat(body.getList("data.cartCreate.cart.warnings")).isEmpty();

        JsonPath read = store.storefront().execute(READ, Map.of("id", id));
        assertThat(read.getMap("data.cart")).isEqualTo(body.getMap("data.cartCreate.cart"));
        assertThat(read.getString("data.cart.note")).isEqualTo("Gift wrap please");
        assertThat(read.getList("data.cart.attributes.key")).containsExactly("source");

        JsonPath digital = ok(store.storefront().execute(CREATE, Map.of("i", Map.of("lines", List.of(line(ebook, 1))))), "cartCreate");
        assertThat(digital.getBoolean("data.cartCreate.cart.requiresShipping")).as("digital goods need no shipping").isFalse();
        JsonPath empty = ok(store.storefront().execute(CREATE, Map.of()), "cartCreate");
        assertThat(empty.getString("data.cartCreate.cart.cost.totalAmount.amount")).isEqualTo("0.00");
    }

    @Test
    void linesAreAddedMergedUpdatedAndRemoved() {
        TestStore store = TestStores.create("cart-lines");
        String mug = variant(store, "Mug", "10.00");
        String cap = variant(store, "Cap", "7.00");
        String id = cart(store.storefront(), List.of(line(mug, 1)));

        JsonPath added = ok(store.storefront().execute(ADD, Map.of("c", id, "l", List.of(line(mug, 2), line(cap, 1)))), "cartLinesAdd");
        assertThat(added.getList("data.cartLinesAdd.cart.lines.nodes.quantity")).as("an equal line adds up").containsExactly(3, 1);
        assertThat(added.getString("data.cartLinesAdd.cart.cost.subtotalAmount.amount")).isEqualTo("37.00");
        List<String> lines = added.getList("data.cartLinesAdd.cart.lines.nodes.id");

        JsonPath updated = ok(store.storefront().execute(UPDATE, Map.of("c", id, "l", List.of(Map.of("id", lines.get(0), "quantity", 5)))),
                "cartLinesUpdate");
        assertThat(updated.getList("data.cartLinesUpdate.cart.lines.nodes.quantity")).containsExactly(5, 1);
        JsonPath zero = ok(store.storefront().execute(UPDATE, Map.of("c", id, "l", List.of(Map.of("id", lines.get(1), "quantity", 0)))),
                "cartLinesUpdate");
        assertThat(zero.getList("data.cartLinesUpdate.cart.lines.nodes.id")).as("0 removes").containsExactly(lines.get(0));

        assertError(store.storefront().execute(UPDATE, Map.of("c", id, "l", List.of(Map.of("id", lines.get(1), "quantity", 1)))),
                "cartLinesUpdate", "LINE_NOT_FOUND", List.of("lines", "0", "id"));
        assertError(store.storefront().execute(UPDATE, Map.of("c", id, "l", List.of(Map.of("id", lines.get(0), "quantity", 1000)))),
                "cartLinesUpdate", "INVALID_QUANTITY", List.of("lines", "0", "quantity"));
        assertError(store.storefront().execute(UPDATE, Map.of("c", id, "l", List.of(Map.of("id", lines.get(0), "quantity", 2),
                Map.of("id", lines.get(0), "quantity", 3)))), "cartLinesUpdate", "INVALID_INPUT", List.of("lines", "1", "id"));
        assertError(store.storefront().execute(UPDATE, Map.of("c", id, "l", List.of())), "cartLinesUpdate", "INVALID_INPUT", List.of("lines"));

        assertError(store.storefront().execute(REMOVE, Map.of("c", id, "l", List.of(lines.get(1)))), "cartLinesRemove", "LINE_NOT_FOUND",
                List.of("lineIds", "0"));
        assertError(store.storefront().execute(REMOVE, Map.of("c", id, "l", List.of())), "cartLinesRemove", "INVALID_INPUT", List.of("lineIds"));
        JsonPath removed = ok(store.storefront().execute(REMOVE, Map.of("c", id, "l", List.of(lines.get(0)))), "cartLinesRemove");
        assertThat(removed.getList("data.cartLinesRemove.cart.lines.nodes")).isEmpty();
        assertThat(removed.getInt("data.cartLinesRemove.cart.totalQuantity")).isZero();
        assertThat(store.storefront().execute(READ, Map.of("id", id)).getList("data.cart.lines.nodes")).isEmpty();
    }

    @Test
    void merchandiseThatCannotBeBoughtHereIsRefusedAndNothingIsWritten() {
        TestStore store = TestStores.create("cart-merch");
        TestStore other = TestStores.create("cart-merch-other");
        String mug = variant(store, "Mug", "10.00");
        String foreign = variant(other, "Foreign", "1.00");
        String draft = store.owner().execute("mutation { productCreate(input: {title: \"Draft\", status: DRAFT, variants: [{price: \"1.00\"}]}) { "
                + "product { variants { nodes { id } } } } }").getString("data.productCreate.product.variants.nodes[0].id");
        String id = cart(store.storefront(), List.of(line(mug, 1)));
        for (String bad : List.of(foreign, draft, "gid://shopgraph/ProductVariant/" + UUID.randomUUID(), "not-an-id",
                "gid://shopgraph/Product/" + uuidOf(mug))) {
            assertError(store.storefront().execute(ADD, Map.of("c", id, "l", List.of(line(mug, 1), line(bad, 1)))), "cartLinesAdd",
                    "INVALID_MERCHANDISE_LINE", List.of("lines", "1", "merchandiseId"));
            assertError(store.storefront().execute(CREATE, Map.of("i", Map.of("lines", List.of(line(bad, 1))))), "cartCreate",
                    "INVALID_MERCHANDISE_LINE", List.of("input", "lines", "0", "merchandiseId"));
        }
        assertThat(store.storefront().execute(READ, Map.of("id", id)).getList("data.cart.lines.nodes.quantity"))
                .as("the good line of the refused call was not added either").containsExactly(1);
    }

    @Test
    void quantitiesAndLineCountsAreBounded() {
        TestStore store = TestStores.create("cart-bounds");
        List<String> variants = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            variants.add(variant(store, "Item " + i, "1.00"));
        }
        String id = cart(store.storefront(), List.of(line(variants.get(0), 999)));
        assertError(store.storefront().execute(ADD, Map.of("c", id, "l", List.of(line(variants.get(0), 1)))), "cartLinesAdd",
                "INVALID_QUANTITY", List.of("lines", "0", "quantity"));
        assertError(store.storefront().execute(ADD, Map.of("c", id, "l", List.of(line(variants.get(1), 0)))), "cartLinesAdd",
                "INVALID_QUANTITY", List.of("lines", "0", "quantity"));
        assertError(store.storefront().execute(ADD, Map.of("c", id, "l", List.of(line(variants.get(1), -3)))), "cartLinesAdd",
                "INVALID_QUANTITY", List.of("lines", "0", "quantity"));
        // The test profile allows 5 lines and 2,000 units per cart.
        assertError(store.storefront().execute(ADD, Map.of("c", id, "l", variants.subList(1, 6).stream().map(v -> line(v, 1)).toList())),
                "cartLinesAdd", "TOO_MANY_LINES", List.of("lines"));
        ok(store.storefront().execute(ADD, Map.of("c", id, "l", List.of(line(variants.get(1), 999)))), "cartLinesAdd");
        assertError(store.storefront().execute(ADD, Map.of("c", id, "l", List.of(line(variants.get(2), 3)))), "cartLinesAdd",
                "CART_QUANTITY_LIMIT", List.of("lines"));
        assertError(store.storefront().execute(ADD, Map.of("c", id, "l", List.of())), "cartLinesAdd", "INVALID_INPUT", List.of("lines"));
        assertThat(store.storefront().execute(READ, Map.of("id", id)).getInt("data.cart.totalQuantity")).isEqualTo(1998);
    }

    @Test
    void lineAttributesFollowTheVariantsDeclarations() {
        TestStore store = TestStores.create("cart-attrs");
        String ring = variant(store, "Ring", "100.00");
        JsonPath declared = store.owner().execute("mutation($v: ID!, $a: [LineAttributeDeclarationInput!]!) { "
                + "productVariantLineAttributesSet(variantId: $v, lineAttributes: $a) { lineAttributes { key type required maxLength "
                + "allowedValues } userErrors { field code } } }", Map.of("v", ring, "a", List.of(
                        Map.of("key", "engraving", "type", "TEXT", "required", true, "maxLength", 12),
                        Map.of("key", "size", "type", "NUMBER", "required", true, "maxLength", 4),
                        Map.of("key", "metal", "type", "CHOICE", "allowedValues", List.of("gold", "silver")))));
        assertThat(declared.getList("data.productVariantLineAttributesSet.userErrors")).as(declared.prettify()).isEmpty();
        assertThat(store.storefront().execute("query($id: ID!) { node(id: $id) { ... on ProductVariant { lineAttributes { key required } } } }",
                Map.of("id", ring)).getList("data.node.lineAttributes.key")).containsExactly("engraving", "size", "metal");

        String id = cart(store.storefront(), List.of());
        assertError(store.storefront().execute(ADD, Map.of("c", id, "l", List.of(line(ring, 1, Map.of("size", "52"))))), "cartLinesAdd",
                "MISSING_LINE_ATTRIBUTE", List.of("lines", "0", "attributes"));
        assertError(store.storefront().execute(ADD, Map.of("c", id, "l", List.of(line(ring, 1, linked("engraving", "For ever", "size", "big"))))),
                "cartLinesAdd", "INVALID_LINE_ATTRIBUTE", List.of("lines", "0", "attributes", "1"));
        assertError(store.storefront().execute(ADD, Map.of("c", id, "l", List.of(line(ring, 1, linked("engraving", "Thirteen chars", "size", "52"))))),
                "cartLinesAdd", "INVALID_LINE_ATTRIBUTE", List.of("lines", "0", "attributes", "0"));
        assertError(store.storefront().execute(ADD, Map.of("c", id, "l", List.of(line(ring, 1, linked("engraving", "A&B", "size", "52",
                "metal", "bronze"))))), "cartLinesAdd", "INVALID_LINE_ATTRIBUTE", List.of("lines", "0", "attributes", "2"));

        JsonPath added = ok(store.storefront().execute(ADD, Map.of("c", id, "l", List.of(line(ring, 1, linked("size", "52.5",
                "engraving", "A&B", "metal", "gold")), line(ring, 1, linked("engraving", "A&B", "size", "52.5", "metal", "gold")),
                line(ring, 1, linked("engraving", "C&D", "size", "50"))))), "cartLinesAdd");
        assertThat(added.getList("data.cartLinesAdd.cart.lines.nodes.quantity")).as("same attributes in another order: one line")
                .containsExactly(2, 1);
        assertThat(added.getList("data.cartLinesAdd.cart.lines.nodes[0].attributes.key")).containsExactly("engraving", "metal", "size");
        String first = added.getString("data.cartLinesAdd.cart.lines.nodes[0].id");
        assertError(store.storefront().execute(UPDATE, Map.of("c", id, "l", List.of(Map.of("id", first, "attributes",
                List.of(Map.of("key", "size", "value", "50")))))), "cartLinesUpdate", "MISSING_LINE_ATTRIBUTE",
                List.of("lines", "0", "attributes"));
        assertThat(store.owner().execute("mutation($v: ID!) { productVariantLineAttributesSet(variantId: $v, lineAttributes: "
                + "[{key: \"x\", type: CHOICE}]) { userErrors { field code } } }", Map.of("v", ring))
                .getList("data.productVariantLineAttributesSet.userErrors.code")).containsExactly("INVALID_VALUE");
    }

    @Test
    void noteAttributesAndBuyerIdentityAreCheckedAndSet() {
        TestStore store = TestStores.create("cart-meta");
        String id = cart(store.storefront(), List.of());
        assertThat(ok(store.storefront().execute(NOTE, Map.of("c", id, "n", "Leave at the door")), "cartNoteUpdate")
                .getString("data.cartNoteUpdate.cart.note")).isEqualTo("Leave at the door");
        assertError(store.storefront().execute(NOTE, Map.of("c", id, "n", "x".repeat(5001))), "cartNoteUpdate", "INVALID_NOTE", List.of("note"));

        JsonPath attributes = ok(store.storefront().execute(ATTRIBUTES, Map.of("c", id, "a", List.of(Map.of("key", "a", "value", "1"),
                Map.of("key", "b", "value", "2")))), "cartAttributesUpdate");
        assertThat(attributes.getList("data.cartAttributesUpdate.cart.attributes.key")).containsExactly("a", "b");
        assertError(store.storefront().execute(ATTRIBUTES, Map.of("c", id, "a", List.of(Map.of("key", "a", "value", "1"),
                Map.of("key", "a", "value", "2")))), "cartAttributesUpdate", "INVALID_ATTRIBUTE", List.of("attributes", "1"));
        assertError(store.storefront().execute(ATTRIBUTES, Map.of("c", id, "a", List.of(Map.of("key", "", "value", "1")))),
                "cartAttributesUpdate", "INVALID_ATTRIBUTE", List.of("attributes", "0"));

        assertError(store.storefront().execute(BUYER, Map.of("c", id, "b", Map.of("email", "nope"))), "cartBuyerIdentityUpdate",
                "INVALID_EMAIL", List.of("buyerIdentity", "email"));
        assertError(store.storefront().execute(BUYER, Map.of("c", id, "b", Map.of("phone", "call me"))), "cartBuyerIdentityUpdate",
                "INVALID_PHONE", List.of("buyerIdentity", "phone"));
        assertError(store.storefront().execute(BUYER, Map.of("c", id, "b", Map.of("countryCode", "fra"))), "cartBuyerIdentityUpdate",
                "INVALID_COUNTRY", List.of("buyerIdentity", "countryCode"));
        assertError(store.storefront().execute(BUYER, Map.of("c", id, "b", Map.of("customerAccessToken", "sgct_forged"))),
                "cartBuyerIdentityUpdate", "INVALID_CUSTOMER_ACCESS_TOKEN", List.of("buyerIdentity", "customerAccessToken"));
        JsonPath buyer = ok(store.storefront().execute(BUYER, Map.of("c", id, "b", Map.of("email", "a@b.example", "countryCode", "DE"))),
                "cartBuyerIdentityUpdate");
        assertThat(buyer.getString("data.cartBuyerIdentityUpdate.cart.buyerIdentity.email")).isEqualTo("a@b.example");
        assertThat(buyer.getString("data.cartBuyerIdentityUpdate.cart.buyerIdentity.countryCode")).isEqualTo("DE");
        JsonPath cleared = ok(store.storefront().execute(BUYER, Map.of("c", id, "b", Map.of("email", ""))), "cartBuyerIdentityUpdate");
        assertThat(cleared.getString("data.cartBuyerIdentityUpdate.cart.buyerIdentity.email")).isNull();
        assertThat(cleared.getString("data.cartBuyerIdentityUpdate.cart.buyerIdentity.countryCode")).isEqualTo("DE");
    }

    @Test
    void signingInAttachesTheCartAndMergesTheCustomersOpenCartWithinTheLimits() {
        TestStore store = TestStores.create("cart-merge");
        String mug = variant(store, "Mug", "10.00");
        String cap = variant(store, "Cap", "7.00");
        String hat = variant(store, "Hat", "3.00");
        String token = customerToken(store, "merge-" + UUID.randomUUID() + "@example.com");
        GraphQL customer = store.storefront().header("X-Customer-Token", token);

        String earlier = cart(store.storefront(), List.of(line(mug, 990), line(cap, 2)));
        ok(store.storefront().execute(BUYER, Map.of("c", earlier, "b", Map.of("customerAccessToken", token))), "cartBuyerIdentityUpdate");
        assertThat(customer.execute("{ customer { cart { id totalQuantity } } }").getString("data.customer.cart.id")).isEqualTo(earlier);

        String anonymous = cart(store.storefront(), List.of(line(mug, 20), line(hat, 1)));
        JsonPath merged = ok(store.storefront().execute(BUYER, Map.of("c", anonymous, "b", Map.of("customerAccessToken", token))),
                "cartBuyerIdentityUpdate");
        List<String> lineIds = merged.getList("data.cartBuyerIdentityUpdate.cart.lines.nodes.id");
        assertThat(merged.getList("data.cartBuyerIdentityUpdate.cart.lines.nodes.merchandise.id")).containsExactly(mug, hat, cap);
        assertThat(merged.getList("data.cartBuyerIdentityUpdate.cart.lines.nodes.quantity")).as("990 + 20 capped at 999")
                .containsExactly(999, 1, 2);
        assertThat(merged.getInt("data.cartBuyerIdentityUpdate.merge.linesMerged")).isEqualTo(2);
        assertThat(merged.getList("data.cartBuyerIdentityUpdate.merge.quantityLimitedLineIds")).containsExactly(lineIds.get(0));
        assertThat(merged.getBoolean("data.cartBuyerIdentityUpdate.cart.buyerIdentity.customerAttached")).isTrue();
        assertThat(merged.getString("data.cartBuyerIdentityUpdate.cart.buyerIdentity.email")).startsWith("merge-");

        assertThat(store.storefront().execute(READ, Map.of("id", earlier)).getMap("data.cart")).as("the merged cart is closed").isNull();
        assertThat(customer.execute("{ customer { cart { id totalQuantity } } }").getString("data.customer.cart.id")).isEqualTo(anonymous);
        JsonPath again = ok(store.storefront().execute(BUYER, Map.of("c", anonymous, "b", Map.of("customerAccessToken", token))),
                "cartBuyerIdentityUpdate");
        assertThat(again.getMap("data.cartBuyerIdentityUpdate.merge")).as("nothing left to merge").isNull();
        assertThat(again.getInt("data.cartBuyerIdentityUpdate.cart.totalQuantity")).isEqualTo(1002);
    }

    @Test
    void aForeignGuessedOrMalformedCartIdAnswersExactlyLikeAMissingOne() {
        TestStore store = TestStores.create("cart-ids");
        TestStore other = TestStores.create("cart-ids-other");
        String mug = variant(store, "Mug", "10.00");
        String foreign = cart(other.storefront(), List.of(line(variant(other, "Theirs", "1.00"), 1)));
        String missing = "gid://shopgraph/Cart/" + UUID.randomUUID();
        String foreignUuid = UUID.fromString(foreign.substring(foreign.lastIndexOf('/') + 1)).toString();
        // A neighbour of the foreign id: its last digit changed (to 1 when it already is 0, so it always differs).
        String guessed = "gid://shopgraph/Cart/" + foreignUuid.substring(0, foreignUuid.length() - 1)
                + (foreignUuid.endsWith("0") ? "1" : "0");
        for (String[] call : new String[][] {{ADD, "cartLinesAdd"}, {NOTE, "cartNoteUpdate"}}) {
            Map<String, String> answers = new HashMap<>();
            for (String id : List.of(foreign, missing, guessed, "gid://shopgraph/Product/" + UUID.randomUUID(), "garbage")) {
                Map<String, Object> variables = call[1].equals("cartLinesAdd") ? Map.of("c", id, "l", List.of(line(mug, 1)))
                        : Map.of("c", id, "n", "hello");
                answers.put(id, store.storefront().post(call[0], variables).asString());
            }
            assertThat(answers.values()).as(call[1]).hasSize(5).allMatch(a -> a.equals(answers.get(missing)));
            assertThat(answers.get(missing)).contains("CART_NOT_FOUND");
        }
        for (String id : List.of(foreign, missing, "garbage")) {
            // Byte for byte the same data; extensions carry only the query's static cost, the same for every id.
            assertThat(store.storefront().post(READ, Map.of("id", id)).asString()).startsWith("{\"data\":{\"cart\":null}")
                    .doesNotContain("\"errors\"");
        }
        assertThat(other.storefront().execute(READ, Map.of("id", foreign)).getInt("data.cart.totalQuantity")).isEqualTo(1);
    }

    @Test
    void twentyParallelAddsToOneCartLoseNothing() throws Exception {
        TestStore store = TestStores.create("cart-race");
        String mug = variant(store, "Mug", "1.00");
        String cap = variant(store, "Cap", "1.00");
        String id = cart(store.storefront(), List.of());
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Callable<JsonPath>> calls = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String v = i % 2 == 0 ? mug : cap;
                calls.add(() -> store.storefront().execute(ADD, Map.of("c", id, "l", List.of(line(v, 1)))));
            }
            for (Future<JsonPath> result : pool.invokeAll(calls)) {
                ok(result.get(), "cartLinesAdd");
            }
        } finally {
            pool.shutdownNow();
        }
        JsonPath read = store.storefront().execute(READ, Map.of("id", id));
        assertThat(read.getList("data.cart.lines.nodes.quantity")).containsExactly(10, 10);
        assertThat(read.getInt("data.cart.totalQuantity")).isEqualTo(20);
    }

    static void assertError(JsonPath body, String mutation, String code, List<String> field) {
        assertThat(body.getList("errors")).as(body.prettify()).isNull();
        assertThat(body.getMap("data." + mutation + ".cart")).as(body.prettify()).isNull();
        assertThat(body.getList("data." + mutation + ".userErrors.code")).as(body.prettify()).containsExactly(code);
        assertThat(body.getList("data." + mutation + ".userErrors[0].field")).as(body.prettify()).isEqualTo(field);
    }

    private static Map<String, String> linked(String... pairs) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static String uuidOf(String globalId) {
        return globalId.substring(globalId.lastIndexOf('/') + 1);
    }
}
