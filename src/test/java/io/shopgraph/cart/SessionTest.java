package io.shopgraph.cart;

import static io.shopgraph.cart.CartFixtures.ADD;
import static io.shopgraph.cart.CartFixtures.BUYER;
import static io.shopgraph.cart.CartFixtures.count;
import static io.shopgraph.cart.CartFixtures.customerToken;
import static io.shopgraph.cart.CartFixtures.execute;
import static io.shopgraph.cart.CartFixtures.inStore;
import static io.shopgraph.cart.CartFixtures.line;
import static io.shopgraph.cart.CartFixtures.ok;
import static io.shopgraph.cart.CartFixtures.uuid;
import static io.shopgraph.cart.CartFixtures.variant;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.shopgraph.cart.application.CartJobs;
import io.shopgraph.testing.GraphQL;
import io.shopgraph.testing.TestStores;
import io.shopgraph.testing.TestStores.TestStore;

/** Shopper sessions: what is kept (and not), events from carts and storefronts, doNotTrack, bounds, retention. */
@QuarkusTest
class SessionTest {

    static final String START = "mutation($i: SessionStartInput!) { sessionStart(input: $i) { sessionToken tracked expiresAt "
            + "userErrors { field code } } }";
    static final String RECORD = "mutation($e: SessionEventInput!) { sessionEventRecord(event: $e) { recorded userErrors { field code } } }";

    @Test
    void aSessionKeepsWhereTheShopperCameFromButNoPersonalDataAndRecordsTheCartsEvents() {
        TestStore store = TestStores.create("session");
        List<String> product = CartFixtures.product(store, "Mug", "10.00", null, true);
        JsonPath started = store.storefront().header("User-Agent", "Mozilla/5.0 SecretBrowser/1.2").header("X-Forwarded-For", "203.0.113.7")
                .execute(START, Map.of("i", Map.of("landingUrl", "https://shop.example/sale/mugs?email=me%40example.com&utm_source=news&utm_campaign=xmas",
                        "referrer", "https://www.Search.example/q?name=Jane+Doe", "locale", "fr-CA", "countryCode", "CA",
                        "device", Map.of("type", "MOBILE"), "utm", Map.of("medium", "email"))));
        assertThat(started.getList("data.sessionStart.userErrors")).as(started.prettify()).isEmpty();
        String token = started.getString("data.sessionStart.sessionToken");
        assertThat(token).startsWith("sgss_");
        assertThat(started.getBoolean("data.sessionStart.tracked")).isTrue();

        String row = inStore(store, em -> em.createNativeQuery("select row_to_json(s)::text from cart.shopper_session s").getSingleResult().toString());
        assertThat(row).contains("\"landing_path\":\"/sale/mugs\"", "\"referrer_host\":\"www.search.example\"", "\"utm_source\":\"news\"",
                "\"utm_medium\":\"email\"", "\"utm_campaign\":\"xmas\"", "\"device_type\":\"MOBILE\"", "\"locale\":\"fr-CA\"")
                .doesNotContain("203.0.113.7", "SecretBrowser", "Jane", "me%40example", "me@example", token);

        GraphQL shopper = store.storefront().header("X-Session-Token", token);
        ok(shopper.execute(RECORD, Map.of("e", Map.of("type", "PRODUCT_VIEWED", "subjectId", product.get(0)))), "sessionEventRecord");
        ok(shopper.execute(RECORD, Map.of("e", Map.of("type", "SEARCHED", "searchQuery", "blue mug"))), "sessionEventRecord");
        String cart = CartFixtures.cart(shopper, List.of(line(product.get(1), 1)));
        ok(shopper.execute(ADD, Map.of("c", cart, "l", List.of(line(product.get(1), 2)))), "cartLinesAdd");
        assertThat(types(store)).containsExactly("PRODUCT_VIEWED", "SEARCHED", "CART_CREATED", "LINE_ADDED", "LINE_ADDED");
        assertThat(count(store, "select count(*) from cart.cart where session_id is not null and id = ?1", uuid(cart))).isEqualTo(1);
        assertThat(count(store, "select count(*) from cart.session_event where type = 'LINE_ADDED' and cart_id = ?1 and subject_id = ?2 "
                + "and quantity = 2", uuid(cart), uuid(product.get(1)))).isEqualTo(1);

        assertThat(count(store, "select count(*) from cart.shopper_session where customer_id is not null")).as("pseudonymous").isZero();
        String customer = customerToken(store, "session-" + UUID.randomUUID() + "@example.com");
        ok(shopper.execute(BUYER, Map.of("c", cart, "b", Map.of("customerAccessToken", customer))), "cartBuyerIdentityUpdate");
        assertThat(count(store, "select count(*) from cart.shopper_session where customer_id is not null")).as("identified on sign-in")
                .isEqualTo(1);
    }

    @Test
    void doNotTrackStoresNothingAndCartsStillWork() {
        TestStore store = TestStores.create("session-dnt");
        String mug = variant(store, "Mug", "10.00");
        JsonPath started = store.storefront().execute(START, Map.of("i", Map.of("landingUrl", "https://shop.example/", "doNotTrack", true)));
        assertThat(started.getString("data.sessionStart.sessionToken")).isNull();
        assertThat(started.getBoolean("data.sessionStart.tracked")).isFalse();
        String cart = CartFixtures.cart(store.storefront(), List.of(line(mug, 1)));
        assertThat(cart).isNotNull();
        assertThat(count(store, "select count(*) from cart.shopper_session")).isZero();
        assertThat(count(store, "select count(*) from cart.session_event")).isZero();
    }

    @Test
    void badInputGetsTypedErrorsAndWritesNothing() {
        TestStore store = TestStores.create("session-bad");
        for (Map<String, Object> input : List.<Map<String, Object>>of(Map.of("landingUrl", "javascript:alert(1)"),
                Map.of("landingUrl", "https://x.example/" + "a".repeat(2100)), Map.of("referrer", "not a url"))) {
            assertThat(store.storefront().execute(START, Map.of("i", input)).getList("data.sessionStart.userErrors.code"))
                    .containsExactly("INVALID_URL");
        }
        assertThat(store.storefront().execute(START, Map.of("i", Map.of("utm", Map.of("source", "s".repeat(129)))))
                .getList("data.sessionStart.userErrors.field")).containsExactly(List.of("input", "utm", "source"));
        assertThat(store.storefront().execute(START, Map.of("i", Map.of("countryCode", "france"))).getList("data.sessionStart.userErrors.code"))
                .containsExactly("INVALID_VALUE");
        assertThat(count(store, "select count(*) from cart.shopper_session")).isZero();

        String token = store.storefront().execute(START, Map.of("i", Map.of())).getString("data.sessionStart.sessionToken");
        GraphQL shopper = store.storefront().header("X-Session-Token", token);
        assertThat(codes(shopper.execute(RECORD, Map.of("e", Map.of("type", "ORDER_PLACED"))))).containsExactly("TYPE_NOT_ALLOWED");
        assertThat(codes(shopper.execute(RECORD, Map.of("e", Map.of("type", "LINE_ADDED"))))).containsExactly("TYPE_NOT_ALLOWED");
        assertThat(codes(shopper.execute(RECORD, Map.of("e", Map.of("type", "PRODUCT_VIEWED", "subjectId", "gid://shopgraph/Collection/"
                + UUID.randomUUID()))))).containsExactly("INVALID_EVENT");
        assertThat(codes(shopper.execute(RECORD, Map.of("e", Map.of("type", "SEARCHED", "searchQuery", "q".repeat(257))))))
                .containsExactly("INVALID_VALUE");
        assertThat(codes(store.storefront().execute(RECORD, Map.of("e", Map.of("type", "SEARCHED", "searchQuery", "mug")))))
                .containsExactly("SESSION_NOT_FOUND");
        assertThat(codes(store.storefront().header("X-Session-Token", "sgss_forged").execute(RECORD, Map.of("e", Map.of("type", "SEARCHED",
                "searchQuery", "mug"))))).containsExactly("SESSION_NOT_FOUND");
        assertThat(count(store, "select count(*) from cart.session_event")).isZero();
        // The test profile bounds a session to 50 events.
        for (int i = 0; i < 50; i++) {
            ok(shopper.execute(RECORD, Map.of("e", Map.of("type", "SEARCHED", "searchQuery", "q" + i))), "sessionEventRecord");
        }
        assertThat(codes(shopper.execute(RECORD, Map.of("e", Map.of("type", "SEARCHED", "searchQuery", "one more"))))).containsExactly("SESSION_NOT_FOUND");
        assertThat(count(store, "select count(*) from cart.session_event")).isEqualTo(50);
    }

    @Test
    void idleSessionsStopRecordingAndRetentionDeletesOldOnes() {
        TestStore store = TestStores.create("session-retention");
        String token = store.storefront().execute(START, Map.of("i", Map.of())).getString("data.sessionStart.sessionToken");
        GraphQL shopper = store.storefront().header("X-Session-Token", token);
        ok(shopper.execute(RECORD, Map.of("e", Map.of("type", "SEARCHED", "searchQuery", "mug"))), "sessionEventRecord");
        execute(store, "update cart.shopper_session set expires_at = now() - interval '1 minute'");
        assertThat(codes(shopper.execute(RECORD, Map.of("e", Map.of("type", "SEARCHED", "searchQuery", "mug"))))).containsExactly("SESSION_NOT_FOUND");

        execute(store, "update cart.shopper_session set started_at = now() - interval '401 days'");
        Arc.container().instance(CartJobs.class).get().runOnce();
        assertThat(count(store, "select count(*) from cart.shopper_session")).isZero();
        assertThat(count(store, "select count(*) from cart.session_event")).isZero();
    }

    private static List<String> types(TestStore store) {
        return inStore(store, em -> em.createNativeQuery("select type from cart.session_event order by occurred_at").getResultList()
                .stream().map(Object::toString).toList());
    }

    private static List<String> codes(JsonPath body) {
        assertThat(body.getList("errors")).as(body.prettify()).isNull();
        return body.getList("data.sessionEventRecord.userErrors.code");
    }
}
