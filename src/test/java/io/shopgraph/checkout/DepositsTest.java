package io.shopgraph.checkout;

import static io.restassured.RestAssured.given;
import static io.shopgraph.checkout.CheckoutFixtures.MARK_PAID;
import static io.shopgraph.checkout.CheckoutFixtures.assertLedgerHolds;
import static io.shopgraph.checkout.CheckoutFixtures.cart;
import static io.shopgraph.checkout.CheckoutFixtures.complete;
import static io.shopgraph.checkout.CheckoutFixtures.count;
import static io.shopgraph.checkout.CheckoutFixtures.inStore;
import static io.shopgraph.checkout.CheckoutFixtures.ok;
import static io.shopgraph.checkout.CheckoutFixtures.stock;
import static io.shopgraph.checkout.CheckoutFixtures.uuid;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.shopgraph.testing.StripeWireMock;
import io.shopgraph.testing.TestStores;
import io.shopgraph.testing.TestStores.TestStore;

/**
 * Deposits end to end over HTTP: a variant requiring a deposit, checkout charging the plan's amount due now (the
 * order PARTIALLY_PAID and its stock committed at the deposit), the merchant's balance request and its payment link
 * (GraphQL and the hosted page), the balance paid (manual provider and WireMock Stripe with signed webhooks) or
 * waived, replays, and another store's attempts.
 */
@QuarkusTest
class DepositsTest {

    static final String VARIANT = "query($id: ID!) { node(id: $id) { ... on ProductVariant { id deposit { kind basisPoints amount { amount } "
            + "amountPerUnit { amount currencyCode } } } } }";
    static final String PLAN = "query($id: ID!) { order(id: $id) { id status totalPaid { amount } cost { totalAmount { amount } } "
            + "lines { attributes { key value } } "
            + "paymentPlan { depositAmount { amount } amountPaid { amount } balanceDue { amount } waivedAmount { amount } "
            + "balanceRequest { amount { amount } paymentLinkToken paymentUrlPath paymentStatus } } "
            + "payments { provider status amount { amount } } timeline { kind } } }";
    static final String REQUEST = "mutation($id: ID!, $k: String!) { orderBalanceRequest(orderId: $id, idempotencyKey: $k) { "
            + "balanceRequest { amount { amount currencyCode } paymentLinkToken paymentUrlPath paymentStatus } order { id status } "
            + "userErrors { field code message } } }";
    static final String WAIVE = "mutation($id: ID!, $r: String) { orderBalanceWaive(orderId: $id, reason: $r) { order { id status } "
            + "userErrors { field code message } } }";
    static final String LINK = "query($t: String!) { orderPaymentLink(token: $t) { orderName amount { amount currencyCode } provider status "
            + "clientSecret publishableKey instructions } }";
    static final String UPDATE = "mutation($p: ID!, $v: [ProductVariantUpdateInput!]!) { productVariantsBulkUpdate(productId: $p, variants: $v) "
            + "{ productVariants { id deposit { kind basisPoints amount { amount } } } userErrors { field code message } } }";

    /** A published product with one variant of this price and stock that needs no shipping and requires this deposit. */
    static JsonPath depositProduct(TestStore store, String price, int stock, Map<String, Object> deposit) {
        Map<String, Object> variant = new HashMap<>(Map.of("price", price, "requiresShipping", false, "inventoryQuantity", stock));
        if (deposit != null) {
            variant.put("deposit", deposit);
        }
        return store.owner().execute("mutation($i: ProductCreateInput!) { productCreate(input: $i) { product { id "
                + "variants { nodes { id } } } userErrors { code field message } } }", Map.of("i", Map.of("title", "Bespoke table " + UUID.randomUUID().toString().substring(0, 8),
                        "status", "ACTIVE", "publishedAt", "2020-01-01T00:00:00Z", "variants", List.of(variant))));
    }

    static String depositVariant(TestStore store, String price, int stock, Map<String, Object> deposit) {
        JsonPath body = depositProduct(store, price, stock, deposit);
        assertThat(body.getList("data.productCreate.userErrors")).as(body.prettify()).isEmpty();
        return body.getString("data.productCreate.product.variants.nodes[0].id");
    }

    /** The ledger's COMMIT rows of the order for the variant. */
    static long commits(TestStore store, String orderId, String variantId) {
        return count(store, "select count(*) from inventory.stock_movement where kind = 'COMMIT' and reference_id = ?1 and variant_id = ?2",
                uuid(orderId), uuid(variantId));
    }

    @Test
    void aVariantsDepositIsSetShownToShoppersChangedClearedAndBadDepositsAreTypedErrors() {
        TestStore store = TestStores.create("deposit-variant");
        JsonPath created = depositProduct(store, "80.00", 3, Map.of("kind", "PERCENTAGE", "basisPoints", 2500));
        String product = created.getString("data.productCreate.product.id");
        String variant = created.getString("data.productCreate.product.variants.nodes[0].id");

        JsonPath shown = store.storefront().execute(VARIANT, Map.of("id", variant));
        assertThat(shown.getString("data.node.deposit.kind")).as(shown.prettify()).isEqualTo("PERCENTAGE");
        assertThat(shown.getInt("data.node.deposit.basisPoints")).isEqualTo(2500);
        assertThat(shown.getString("data.node.deposit.amountPerUnit.amount")).isEqualTo("20.00");

        JsonPath fixed = ok(store.owner().execute(UPDATE, Map.of("p", product, "v", List.of(Map.of("id", variant,
                "deposit", Map.of("kind", "FIXED", "amount", "30.00"))))), "productVariantsBulkUpdate");
        assertThat(fixed.getString("data.productVariantsBulkUpdate.productVariants[0].deposit.amount.amount")).isEqualTo("30.00");
        assertThat(store.storefront().execute(VARIANT, Map.of("id", variant)).getString("data.node.deposit.amountPerUnit.amount")).isEqualTo("30.00");

        // Bad deposits: typed userErrors at the field, and nothing changes.
        for (Map<String, Object> bad : List.<Map<String, Object>>of(Map.of("kind", "FIXED", "amount", "80.01"),
                Map.of("kind", "FIXED", "amount", "0"), Map.of("kind", "FIXED", "amount", "1.001"), Map.of("kind", "PERCENTAGE", "basisPoints", 0),
                Map.of("kind", "PERCENTAGE", "basisPoints", 10_001), Map.of("kind", "PERCENTAGE", "basisPoints", 10, "amount", "1.00"),
                Map.of("kind", "FIXED"))) {
            JsonPath refused = store.owner().execute(UPDATE, Map.of("p", product, "v", List.of(Map.of("id", variant, "deposit", bad))));
            assertThat(refused.getList("errors")).as(refused.prettify()).isNull();
            assertThat(refused.getString("data.productVariantsBulkUpdate.userErrors[0].code")).as(bad.toString()).isEqualTo("INVALID_DEPOSIT");
            assertThat(refused.getList("data.productVariantsBulkUpdate.userErrors[0].field", String.class)).contains("deposit");
        }
        // A price below the fixed deposit is refused too, unless the deposit changes with it.
        JsonPath cheaper = store.owner().execute(UPDATE, Map.of("p", product, "v", List.of(Map.of("id", variant, "price", "20.00"))));
        assertThat(cheaper.getString("data.productVariantsBulkUpdate.userErrors[0].code")).isEqualTo("INVALID_DEPOSIT");
        JsonPath productCreateRefused = depositProduct(store, "10.00", 1, Map.of("kind", "FIXED", "amount", "10.50"));
        assertThat(productCreateRefused.getString("data.productCreate.userErrors[0].code")).isEqualTo("INVALID_DEPOSIT");
        assertThat(store.storefront().execute(VARIANT, Map.of("id", variant)).getString("data.node.deposit.amount.amount")).isEqualTo("30.00");

        JsonPath cleared = ok(store.owner().execute(UPDATE, Map.of("p", product, "v", List.of(Map.of("id", variant, "clearDeposit", true)))),
                "productVariantsBulkUpdate");
        assertThat(cleared.getString("data.productVariantsBulkUpdate.productVariants[0].deposit")).isNull();
    }

    @Test
    void aDepositOrderIsPaidInTwoStepsWithTheManualProvider() {
        TestStore store = TestStores.create("deposit-manual");
        String variant = depositVariant(store, "100.00", 5, Map.of("kind", "PERCENTAGE", "basisPoints", 2500));
        String plain = CheckoutFixtures.variant(store, "Plain chair", "10.00", null);
        String cartId = cart(store.storefront(), variant, 2, "ada@example.com");
        ok(store.storefront().execute("mutation($c: ID!, $l: [CartLineInput!]!) { cartLinesAdd(cartId: $c, lines: $l) { cart { id } "
                + "userErrors { code message } } }", Map.of("c", cartId, "l", List.of(Map.of("merchandiseId", plain, "quantity", 1)))), "cartLinesAdd");

        JsonPath placed = complete(store.storefront(), cartId, "deposit-" + UUID.randomUUID());
        assertThat(placed.getList("data.checkoutComplete.userErrors")).as(placed.prettify()).isEmpty();
        String orderId = placed.getString("data.checkoutComplete.order.id");
        // Total 210.00; due now: 25% of 200.00 + the plain line in full = 60.00.
        JsonPath order = store.owner().execute(PLAN, Map.of("id", orderId));
        assertThat(order.getString("data.order.cost.totalAmount.amount")).as(order.prettify()).isEqualTo("210.00");
        assertThat(order.getString("data.order.payments[0].amount.amount")).isEqualTo("60.00");
        assertThat(order.getString("data.order.paymentPlan.depositAmount.amount")).isEqualTo("60.00");
        assertThat(order.getString("data.order.paymentPlan.balanceDue.amount")).isEqualTo("210.00");
        assertThat(order.getString("data.order.status")).isEqualTo("PENDING_PAYMENT");
        assertThat(stock(store, variant)).containsExactly(5, 2);
        assertThat(commits(store, orderId, variant)).isZero();

        // Before the deposit is paid there is no balance to request or waive.
        JsonPath early = store.owner().execute(REQUEST, Map.of("id", orderId, "k", "early"));
        assertThat(early.getString("data.orderBalanceRequest.userErrors[0].code")).as(early.prettify()).isEqualTo("NOT_PARTIALLY_PAID");
        assertThat(store.owner().execute(WAIVE, Map.of("id", orderId)).getString("data.orderBalanceWaive.userErrors[0].code"))
                .isEqualTo("NOT_PARTIALLY_PAID");

        // The deposit: PARTIALLY_PAID, and the stock is committed now (a COMMIT row of the order in the ledger).
        ok(store.owner().execute(MARK_PAID, Map.of("id", orderId)), "orderMarkAsPaid");
        order = store.owner().execute(PLAN, Map.of("id", orderId));
        assertThat(order.getString("data.order.status")).as(order.prettify()).isEqualTo("PARTIALLY_PAID");
        assertThat(order.getString("data.order.paymentPlan.amountPaid.amount")).isEqualTo("60.00");
        assertThat(order.getString("data.order.paymentPlan.balanceDue.amount")).isEqualTo("150.00");
        assertThat(order.getString("data.order.paymentPlan.balanceRequest")).isNull();
        assertThat(order.getList("data.order.timeline.kind", String.class)).contains("DEPOSIT_PAID");
        assertThat(stock(store, variant)).containsExactly(3, 0);
        assertThat(commits(store, orderId, variant)).isEqualTo(1);
        assertLedgerHolds(store);
        // Nothing left to mark paid until the balance is requested.
        JsonPath notYet = store.owner().execute(MARK_PAID, Map.of("id", orderId));
        assertThat(notYet.getString("data.orderMarkAsPaid.userErrors[0].code")).isEqualTo("PAYMENT_NOT_APPLICABLE");

        // The balance request: a pending manual payment and a link; the same key replays, another key is ALREADY_REQUESTED.
        JsonPath requested = ok(store.owner().execute(REQUEST, Map.of("id", orderId, "k", "balance-1")), "orderBalanceRequest");
        String token = requested.getString("data.orderBalanceRequest.balanceRequest.paymentLinkToken");
        assertThat(requested.getString("data.orderBalanceRequest.balanceRequest.amount.amount")).isEqualTo("150.00");
        assertThat(requested.getString("data.orderBalanceRequest.balanceRequest.paymentStatus")).isEqualTo("PENDING");
        assertThat(requested.getString("data.orderBalanceRequest.balanceRequest.paymentUrlPath")).isEqualTo("/pay/" + token);
        assertThat(token).startsWith("opl_").hasSizeGreaterThan(70);
        JsonPath replay = ok(store.owner().execute(REQUEST, Map.of("id", orderId, "k", "balance-1")), "orderBalanceRequest");
        assertThat(replay.getString("data.orderBalanceRequest.balanceRequest.paymentLinkToken")).isEqualTo(token);
        JsonPath again = store.owner().execute(REQUEST, Map.of("id", orderId, "k", "balance-2"));
        assertThat(again.getString("data.orderBalanceRequest.userErrors[0].code")).isEqualTo("ALREADY_REQUESTED");
        assertThat(count(store, "select count(*) from payments.payment where reference_id = ?1", uuid(orderId))).isEqualTo(2);
        order = store.owner().execute(PLAN, Map.of("id", orderId));
        assertThat(order.getString("data.order.paymentPlan.balanceRequest.paymentLinkToken")).isEqualTo(token);

        // The shopper's link: through the storefront and the hosted page; another store's storefront and a forged token find nothing.
        JsonPath link = store.storefront().execute(LINK, Map.of("t", token));
        assertThat(link.getString("data.orderPaymentLink.amount.amount")).as(link.prettify()).isEqualTo("150.00");
        assertThat(link.getString("data.orderPaymentLink.provider")).isEqualTo("MANUAL");
        assertThat(link.getString("data.orderPaymentLink.orderName")).isEqualTo("#1001");
        assertThat(link.getString("data.orderPaymentLink.instructions")).contains("#1001");
        TestStore other = TestStores.create("deposit-manual-other");
        assertThat(other.storefront().execute(LINK, Map.of("t", token)).getString("data.orderPaymentLink")).isNull();
        assertThat(store.storefront().execute(LINK, Map.of("t", token + "x")).getString("data.orderPaymentLink")).isNull();
        String page = given().get("/pay/" + token).then().statusCode(200).contentType("text/html").extract().asString();
        assertThat(page).contains("150.00 EUR").contains("#1001").contains("id=\"instructions\"").doesNotContain("Stripe(");
        String forged = "opl_" + other.id().value().toString().replace("-", "") + token.substring("opl_".length() + 32);
        given().get("/pay/" + forged).then().statusCode(404);
        given().get("/pay/nonsense").then().statusCode(404);
        given().get("/pay/opl_" + "z".repeat(32) + "_x").then().statusCode(404);

        // The balance paid: PAID, nothing committed twice.
        ok(store.owner().execute(MARK_PAID, Map.of("id", orderId)), "orderMarkAsPaid");
        order = store.owner().execute(PLAN, Map.of("id", orderId));
        assertThat(order.getString("data.order.status")).as(order.prettify()).isEqualTo("PAID");
        assertThat(order.getString("data.order.totalPaid.amount")).isEqualTo("210.00");
        assertThat(order.getString("data.order.paymentPlan.balanceDue.amount")).isEqualTo("0.00");
        assertThat(order.getString("data.order.paymentPlan.balanceRequest.paymentStatus")).isEqualTo("SUCCEEDED");
        assertThat(stock(store, variant)).containsExactly(3, 0);
        assertThat(commits(store, orderId, variant)).isEqualTo(1);
        assertLedgerHolds(store);
        assertThat(given().get("/pay/" + token).then().statusCode(200).extract().asString()).contains("paid");
        assertThat(store.owner().execute(WAIVE, Map.of("id", orderId)).getString("data.orderBalanceWaive.userErrors[0].code"))
                .isEqualTo("NOT_PARTIALLY_PAID");
    }

    @Test
    void theMerchantWaivesTheBalanceOnceAndAnotherStoreReachesNothing() {
        TestStore store = TestStores.create("deposit-waive");
        TestStore other = TestStores.create("deposit-waive-other");
        String variant = depositVariant(store, "40.00", 2, Map.of("kind", "FIXED", "amount", "15.00"));
        String orderId = CheckoutFixtures.placed(store, variant, 1).getString("data.checkoutComplete.order.id");
        ok(store.owner().execute(MARK_PAID, Map.of("id", orderId)), "orderMarkAsPaid");
        ok(store.owner().execute(REQUEST, Map.of("id", orderId, "k", "w-1")), "orderBalanceRequest");

        // Another store's merchant: the same answer as for a missing order, and no payment or change.
        String missing = "gid://shopgraph/Order/" + UUID.randomUUID();
        for (String id : List.of(orderId, missing)) {
            JsonPath foreign = other.owner().execute(REQUEST, Map.of("id", id, "k", "x"));
            assertThat(foreign.getString("data.orderBalanceRequest.userErrors[0].code")).isEqualTo("ORDER_NOT_FOUND");
            assertThat(other.owner().execute(WAIVE, Map.of("id", id)).getString("data.orderBalanceWaive.userErrors[0].code"))
                    .isEqualTo("ORDER_NOT_FOUND");
        }
        assertThat(count(store, "select count(*) from payments.payment where reference_id = ?1", uuid(orderId))).isEqualTo(2);
        assertThat(store.owner().execute(PLAN, Map.of("id", orderId)).getString("data.order.status")).isEqualTo("PARTIALLY_PAID");
        // A reason that is too long writes nothing.
        JsonPath tooLong = store.owner().execute(WAIVE, Map.of("id", orderId, "r", "x".repeat(501)));
        assertThat(tooLong.getString("data.orderBalanceWaive.userErrors[0].code")).isEqualTo("INVALID_INPUT");

        JsonPath waived = ok(store.owner().execute(WAIVE, Map.of("id", orderId, "r", "Goodwill")), "orderBalanceWaive");
        assertThat(waived.getString("data.orderBalanceWaive.order.status")).isEqualTo("PAID");
        ok(store.owner().execute(WAIVE, Map.of("id", orderId, "r", "Goodwill")), "orderBalanceWaive");
        JsonPath order = store.owner().execute(PLAN, Map.of("id", orderId));
        assertThat(order.getString("data.order.status")).isEqualTo("PAID");
        assertThat(order.getString("data.order.paymentPlan.waivedAmount.amount")).isEqualTo("25.00");
        assertThat(order.getString("data.order.paymentPlan.balanceDue.amount")).isEqualTo("0.00");
        assertThat(order.getString("data.order.paymentPlan.balanceRequest.paymentStatus")).isEqualTo("CANCELED");
        assertThat(order.getList("data.order.timeline.kind", String.class).stream().filter("BALANCE_WAIVED"::equals).count()).isEqualTo(1);
        assertThat(stock(store, variant)).containsExactly(1, 0);
        assertLedgerHolds(store);
    }

    @Test
    void bespokeLineAttributesAreCarriedOntoTheOrder() {
        TestStore store = TestStores.create("deposit-bespoke");
        String variant = depositVariant(store, "30.00", 3, null);
        ok(store.owner().execute("mutation($v: ID!, $a: [LineAttributeDeclarationInput!]!) { productVariantLineAttributesSet(variantId: $v, "
                + "lineAttributes: $a) { userErrors { code message } } }", Map.of("v", variant, "a", List.of(Map.of("key", "Engraving",
                        "type", "TEXT", "required", true, "maxLength", 20)))), "productVariantLineAttributesSet");
        JsonPath created = store.storefront().execute("mutation($i: CartInput) { cartCreate(input: $i) { cart { id } userErrors { code message } } }",
                Map.of("i", Map.of("buyerIdentity", Map.of("email", "b@example.com"), "lines", List.of(Map.of("merchandiseId", variant,
                        "quantity", 1, "attributes", List.of(Map.of("key", "Engraving", "value", "For Ada")))))));
        assertThat(created.getList("data.cartCreate.userErrors")).as(created.prettify()).isEmpty();
        JsonPath placed = complete(store.storefront(), created.getString("data.cartCreate.cart.id"), "bespoke-" + UUID.randomUUID());
        String orderId = placed.getString("data.checkoutComplete.order.id");
        JsonPath order = store.owner().execute(PLAN, Map.of("id", orderId));
        assertThat(order.getString("data.order.lines[0].attributes[0].key")).as(order.prettify()).isEqualTo("Engraving");
        assertThat(order.getString("data.order.lines[0].attributes[0].value")).isEqualTo("For Ada");
        assertThat(order.getString("data.order.paymentPlan")).isNull();
    }

    @Test
    void paymentPlansAndDepositsOfAListingCostTheSameStatementsWhateverThePageSize() {
        TestStore store = TestStores.create("deposit-budget");
        String variant = depositVariant(store, "50.00", 10, Map.of("kind", "PERCENTAGE", "basisPoints", 1000));
        depositVariant(store, "60.00", 10, Map.of("kind", "FIXED", "amount", "5.00"));
        depositVariant(store, "70.00", 10, null);
        for (int i = 0; i < 3; i++) {
            String orderId = CheckoutFixtures.placed(store, variant, 1).getString("data.checkoutComplete.order.id");
            ok(store.owner().execute(MARK_PAID, Map.of("id", orderId)), "orderMarkAsPaid");
            ok(store.owner().execute(REQUEST, Map.of("id", orderId, "k", "budget")), "orderBalanceRequest");
        }
        String orders = "query($n: Int!) { orders(first: $n) { nodes { id } } }";
        String withPlans = "query($n: Int!) { orders(first: $n) { nodes { id paymentPlan { depositAmount { amount } balanceDue { amount } "
                + "balanceRequest { paymentStatus } } } } }";
        long small = statements(store.owner(), withPlans, 1) - statements(store.owner(), orders, 1);
        long large = statements(store.owner(), withPlans, 3) - statements(store.owner(), orders, 3);
        assertThat(small).as("the plans and the requests' payments: one statement each").isEqualTo(2);
        assertThat(large).isEqualTo(small);
        assertThat(store.owner().execute(withPlans, Map.of("n", 3)).getList("data.orders.nodes.paymentPlan.balanceDue.amount"))
                .containsExactly("45.00", "45.00", "45.00");

        String products = "query($n: Int!) { products(first: $n) { nodes { id variants(first: 5) { nodes { id } } } } }";
        String withDeposits = "query($n: Int!) { products(first: $n) { nodes { id variants(first: 5) { nodes { id deposit { kind } } } } } }";
        long one = statements(store.storefront().uncached(), withDeposits, 1) - statements(store.storefront().uncached(), products, 1);
        long three = statements(store.storefront().uncached(), withDeposits, 3) - statements(store.storefront().uncached(), products, 3);
        assertThat(one).isEqualTo(1);
        assertThat(three).isEqualTo(1);
    }

    private static long statements(io.shopgraph.testing.GraphQL client, String query, int n) {
        client.execute(query, Map.of("n", n));
        long before = io.shopgraph.platform.persistence.SqlStatementCounter.requestTotal();
        JsonPath body = client.execute(query, Map.of("n", n));
        long used = io.shopgraph.platform.persistence.SqlStatementCounter.requestTotal() - before;
        assertThat(body.getList("errors")).as(body.prettify()).isNull();
        return used;
    }

    // ---------------------------------------------------------------- Stripe

    @Test
    void aDepositOrderIsPaidInTwoStepsWithStripeWebhooks() throws Exception {
        TestStore store = TestStores.create("deposit-stripe");
        TestStore other = TestStores.create("deposit-stripe-other");
        String secretKey = "sk_test_" + UUID.randomUUID().toString().replace("-", "");
        String publishableKey = "pk_test_" + UUID.randomUUID().toString().replace("-", "");
        String webhookSecret = "whsec_" + UUID.randomUUID().toString().replace("-", "");
        ok(store.owner().execute("mutation($i: StripeAccountConnectInput!) { stripeAccountConnect(input: $i) { userErrors { field code message } } }",
                Map.of("i", Map.of("publishableKey", publishableKey, "secretKey", secretKey, "webhookSecret", webhookSecret))), "stripeAccountConnect");
        StripeWireMock.server().stubFor(WireMock.post(WireMock.urlPathEqualTo("/v1/payment_intents"))
                .withHeader("Authorization", WireMock.equalTo("Bearer " + secretKey))
                .willReturn(WireMock.aResponse().withStatus(200).withHeader("Content-Type", "application/json").withTransformers("response-template")
                        .withBody("{\"id\":\"pi_{{randomValue length=24 type='ALPHANUMERIC'}}\",\"object\":\"payment_intent\","
                                + "\"amount\":6000,\"amount_received\":0,\"currency\":\"eur\","
                                + "\"status\":\"requires_payment_method\",\"client_secret\":\"pi_x_secret_{{randomValue length=16 type='ALPHANUMERIC'}}\","
                                + "\"metadata\":{},\"livemode\":false,\"created\":" + Instant.now().getEpochSecond() + "}")));
        Supplier<Integer> stripeCalls = () -> StripeWireMock.server().findAll(WireMock.postRequestedFor(WireMock.urlPathEqualTo("/v1/payment_intents"))
                .withHeader("Authorization", WireMock.equalTo("Bearer " + secretKey))).size();

        String variant = depositVariant(store, "120.00", 4, Map.of("kind", "PERCENTAGE", "basisPoints", 5000));
        String cartId = cart(store.storefront(), variant, 1, "grace@example.com");
        // On this shared test machine the first Stripe call may outlast the storefront deadline: the order then stands and
        // the same idempotency key starts its payment (checkout's documented retry), which is what a client does.
        String key = "stripe-deposit-" + UUID.randomUUID();
        JsonPath placed = store.storefront().execute(CheckoutFixtures.COMPLETE, Map.of("c", cartId, "k", key));
        for (int i = 0; i < 3 && (placed.getList("errors") != null || placed.getString("data.checkoutComplete.payment") == null); i++) {
            placed = store.storefront().execute(CheckoutFixtures.COMPLETE, Map.of("c", cartId, "k", key));
        }
        assertThat(placed.getList("errors")).as(placed.prettify()).isNull();
        assertThat(placed.getList("data.checkoutComplete.userErrors")).as(placed.prettify()).isEmpty();
        assertThat(placed.getString("data.checkoutComplete.payment.provider")).isEqualTo("STRIPE");
        assertThat(placed.getString("data.checkoutComplete.payment.clientSecret")).startsWith("pi_x_secret_");
        String orderId = placed.getString("data.checkoutComplete.order.id");
        int atCheckout = stripeCalls.get();
        assertThat(atCheckout).isPositive();
        Object[] deposit = payment(store, orderId, 0);
        assertThat(((Number) deposit[2]).longValue()).isEqualTo(6000);

        // payment_intent.succeeded for the deposit: PARTIALLY_PAID, stock committed.
        deliver(store, webhookSecret, succeeded((String) deposit[1], (UUID) deposit[0], 6000));
        JsonPath order = awaitStatus(store, orderId, "PARTIALLY_PAID");
        assertThat(order.getString("data.order.paymentPlan.balanceDue.amount")).isEqualTo("60.00");
        assertThat(stock(store, variant)).containsExactly(3, 0);
        assertThat(commits(store, orderId, variant)).isEqualTo(1);

        // Another store's merchant reaches neither the order nor Stripe.
        assertThat(other.owner().execute(REQUEST, Map.of("id", orderId, "k", "b")).getString("data.orderBalanceRequest.userErrors[0].code"))
                .isEqualTo("ORDER_NOT_FOUND");
        assertThat(stripeCalls.get()).isEqualTo(atCheckout);

        // The balance: a second PaymentIntent for 60.00 (our idempotency key), the link carries its client secret and the store's key.
        JsonPath requested = ok(store.owner().execute(REQUEST, Map.of("id", orderId, "k", "b")), "orderBalanceRequest");
        ok(store.owner().execute(REQUEST, Map.of("id", orderId, "k", "b")), "orderBalanceRequest");
        assertThat(stripeCalls.get()).isEqualTo(atCheckout + 1);
        Object[] balance = payment(store, orderId, 1);
        assertThat(((Number) balance[2]).longValue()).isEqualTo(6000);
        assertThat(StripeWireMock.server().findAll(WireMock.postRequestedFor(WireMock.urlPathEqualTo("/v1/payment_intents"))
                .withHeader("Idempotency-Key", WireMock.equalTo("shopgraph-payment-" + balance[0])))).hasSize(1);
        String token = requested.getString("data.orderBalanceRequest.balanceRequest.paymentLinkToken");
        JsonPath link = store.storefront().execute(LINK, Map.of("t", token));
        assertThat(link.getString("data.orderPaymentLink.provider")).as(link.prettify()).isEqualTo("STRIPE");
        assertThat(link.getString("data.orderPaymentLink.amount.amount")).isEqualTo("60.00");
        assertThat(link.getString("data.orderPaymentLink.publishableKey")).isEqualTo(publishableKey);
        assertThat(link.getString("data.orderPaymentLink.clientSecret")).startsWith("pi_x_secret_");
        String page = given().get("/pay/" + token).then().statusCode(200).extract().asString();
        assertThat(page).contains("Stripe(\"" + publishableKey + "\")").contains(link.getString("data.orderPaymentLink.clientSecret"))
                .contains("payment-element").contains("60.00 EUR");

        // payment_intent.succeeded for the balance: PAID; the stock was committed once.
        deliver(store, webhookSecret, succeeded((String) balance[1], (UUID) balance[0], 6000));
        order = awaitStatus(store, orderId, "PAID");
        assertThat(order.getString("data.order.totalPaid.amount")).isEqualTo("120.00");
        assertThat(commits(store, orderId, variant)).isEqualTo(1);
        assertThat(stock(store, variant)).containsExactly(3, 0);
        assertThat(store.storefront().execute(LINK, Map.of("t", token)).getString("data.orderPaymentLink.clientSecret")).isNull();
        assertLedgerHolds(store);
    }

    /** The order's n-th payment (oldest first): id, PaymentIntent id, amount. */
    private static Object[] payment(TestStore store, String orderId, int n) {
        return inStore(store, em -> (Object[]) em.createNativeQuery("select id, provider_reference, amount_minor from payments.payment "
                + "where reference_id = ?1 order by created_at, id offset " + n + " limit 1").setParameter(1, uuid(orderId)).getSingleResult());
    }

    private static JsonPath awaitStatus(TestStore store, String orderId, String status) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            JsonPath order = store.owner().execute(PLAN, Map.of("id", orderId));
            if (status.equals(order.getString("data.order.status"))) {
                return order;
            }
            assertThat(System.nanoTime()).as("order " + orderId + " became " + status + ": " + order.prettify()).isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    private static String succeeded(String intentId, UUID paymentId, long amount) {
        return "{\"id\":\"evt_" + UUID.randomUUID().toString().replace("-", "") + "\",\"object\":\"event\",\"api_version\":\"2025-06-30.basil\","
                + "\"created\":" + Instant.now().getEpochSecond() + ",\"livemode\":false,\"pending_webhooks\":1,\"request\":{\"id\":null,"
                + "\"idempotency_key\":null},\"type\":\"payment_intent.succeeded\",\"data\":{\"object\":{\"id\":\"" + intentId
                + "\",\"object\":\"payment_intent\",\"amount\":" + amount + ",\"amount_received\":" + amount + ",\"currency\":\"eur\","
                + "\"status\":\"succeeded\",\"client_secret\":\"" + intentId + "_secret_z\",\"last_payment_error\":null,"
                + "\"metadata\":{\"shopgraph_payment_id\":\"" + paymentId + "\"}}}}";
    }

    /** Delivers a webhook signed with Stripe's scheme (HMAC-SHA256 over "timestamp.body"). */
    private static void deliver(TestStore store, String secret, String payload) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        long at = Instant.now().getEpochSecond();
        String signature = "t=" + at + ",v1=" + HexFormat.of().formatHex(mac.doFinal((at + "." + payload).getBytes(StandardCharsets.UTF_8)));
        given().contentType("application/json").header("Stripe-Signature", signature).body(payload.getBytes(StandardCharsets.UTF_8))
                .post("/webhooks/stripe/" + store.id().value()).then().statusCode(200);
    }
}
