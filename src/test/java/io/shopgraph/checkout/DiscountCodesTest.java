package io.shopgraph.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.shopgraph.cart.api.CartApi;
import io.shopgraph.checkout.application.pricing.CartPricing;
import io.shopgraph.checkout.application.pricing.DiscountUsage;
import io.shopgraph.checkout.domain.discount.DiscountErrorCode;
import io.shopgraph.checkout.domain.pricing.PricedCart;
import io.shopgraph.platform.errors.DomainException;
import io.shopgraph.platform.tenancy.TenantScope;
import io.shopgraph.testing.GraphQL;
import io.shopgraph.testing.TestStores;
import io.shopgraph.testing.TestStores.TestStore;

/** Discount codes through HTTP: merchants create them, shoppers apply them, usage is counted once per order under races. */
@QuarkusTest
class DiscountCodesTest {

    static final String CREATE = "mutation($i: DiscountInput!) { discountCreate(input: $i) { discount { id code kind discountClass usedCount } "
            + "userErrors { field code message } } }";
    static final String CODES = "mutation($c: ID!, $d: [String!]!) { cartDiscountCodesUpdate(cartId: $c, discountCodes: $d) { cart { "
            + "discountCodes { code applicable } cost { subtotalAmount { amount } discountAmount { amount } totalAmount { amount } "
            + "discountAllocations { code discountedAmount { amount } } } } userErrors { field code message } } }";
    static final String READ = "query($id: ID!) { cart(id: $id) { discountCodes { code applicable } cost { subtotalAmount { amount } "
            + "discountAmount { amount } shippingAmount { amount } taxAmount { amount } totalAmount { amount } } "
            + "lines(first: 10) { nodes { id cost { amountPerQuantity { amount } subtotalAmount { amount } totalAmount { amount } "
            + "discountAllocations { code discountedAmount { amount } } } } } } }";

    @Inject
    TenantScope tenantScope;
    @Inject
    DiscountUsage usage;
    @Inject
    CartPricing pricing;
    @Inject
    CartApi carts;

    @Test
    void aCodeAppliesCaseInsensitivelyStopsApplyingWithTheCartAndRemovingItRestoresTheCost() {
        TestStore store = TestStores.create("discount-http");
        List<String> product = product(store, "Discount mug", "10.00");
        created(store, Map.of("code", "Save10", "title", "Ten off", "kind", "PERCENTAGE", "percentage", "10", "minimumSubtotal", "20.00"));
        created(store, Map.of("code", "FIVE", "title", "Five off", "kind", "FIXED_AMOUNT", "amount", "5.00"));
        created(store, Map.of("code", "OTHERPRODUCT", "title", "Other", "kind", "PERCENTAGE", "percentage", "50",
                "productIds", List.of(product(store, "Other thing", "3.00").get(0))));
        created(store, Map.of("code", "OLD", "title", "Old", "kind", "PERCENTAGE", "percentage", "5",
                "startsAt", "2020-01-01T00:00:00Z", "endsAt", "2021-01-01T00:00:00Z"));
        created(store, Map.of("code", "SOON", "title", "Soon", "kind", "PERCENTAGE", "percentage", "5", "startsAt", "2099-01-01T00:00:00Z"));

        GraphQL shop = store.storefront();
        String cart = shop.execute("mutation($v: ID!) { cartCreate(input: {lines: [{merchandiseId: $v, quantity: 1}]}) { cart { id } } }",
                Map.of("v", product.get(1))).getString("data.cartCreate.cart.id");
        String plain = shop.post(READ, Map.of("id", cart)).asString();

        // Refusals: precise codes, the cart unchanged.
        assertThat(refusal(shop, cart, List.of("save10"))).isEqualTo(List.of("MINIMUM_NOT_MET", "discountCodes", "0"));
        assertThat(refusal(shop, cart, List.of("nope"))).containsExactly("NOT_FOUND", "discountCodes", "0");
        assertThat(refusal(shop, cart, List.of("old"))).containsExactly("EXPIRED", "discountCodes", "0");
        assertThat(refusal(shop, cart, List.of("soon"))).containsExactly("NOT_YET_ACTIVE", "discountCodes", "0");
        assertThat(refusal(shop, cart, List.of("otherproduct"))).containsExactly("NOT_APPLICABLE", "discountCodes", "0");
        assertThat(refusal(shop, cart, List.of("x".repeat(65)))).containsExactly("INVALID_INPUT", "discountCodes", "0");
        assertThat(refusal(shop, "gid://shopgraph/Cart/" + UUID.randomUUID(), List.of("FIVE"))).containsExactly("CART_NOT_FOUND", "cartId");
        assertThat(shop.post(READ, Map.of("id", cart)).asString()).as("refused codes leave the cart as it was").isEqualTo(plain);

        // 3 x 10.00 reaches the minimum: 10 % off, lower case accepted.
        String line = shop.post(READ, Map.of("id", cart)).jsonPath().getString("data.cart.lines.nodes[0].id");
        shop.execute("mutation($c: ID!, $l: ID!) { cartLinesUpdate(cartId: $c, lines: [{id: $l, quantity: 3}]) { userErrors { code } } }",
                Map.of("c", cart, "l", line));
        String threeMugs = shop.post(READ, Map.of("id", cart)).asString();
        JsonPath applied = shop.execute(CODES, Map.of("c", cart, "d", List.of(" save10 ")));
        assertThat(applied.getList("data.cartDiscountCodesUpdate.userErrors")).as(applied.prettify()).isEmpty();
        JsonPath read = shop.post(READ, Map.of("id", cart)).jsonPath();
        assertThat(read.getString("data.cart.discountCodes[0].code")).isEqualTo("SAVE10");
        assertThat(read.getBoolean("data.cart.discountCodes[0].applicable")).isTrue();
        assertThat(read.getString("data.cart.cost.subtotalAmount.amount")).isEqualTo("30.00");
        assertThat(read.getString("data.cart.cost.discountAmount.amount")).isEqualTo("3.00");
        assertThat(read.getString("data.cart.cost.totalAmount.amount")).isEqualTo("27.00");
        assertThat(read.getString("data.cart.lines.nodes[0].cost.totalAmount.amount")).isEqualTo("27.00");
        assertThat(read.getString("data.cart.lines.nodes[0].cost.discountAllocations[0].discountedAmount.amount")).isEqualTo("3.00");

        // A second code that does not combine is refused, and the first stays.
        assertThat(refusal(shop, cart, List.of("SAVE10", "five"))).containsExactly("NOT_COMBINABLE", "discountCodes", "1");
        assertThat(shop.post(READ, Map.of("id", cart)).jsonPath().getString("data.cart.cost.totalAmount.amount")).isEqualTo("27.00");

        // Back to one mug: the code stays on the cart, no longer applicable, and takes nothing off.
        shop.execute("mutation($c: ID!, $l: ID!) { cartLinesUpdate(cartId: $c, lines: [{id: $l, quantity: 1}]) { userErrors { code } } }",
                Map.of("c", cart, "l", line));
        read = shop.post(READ, Map.of("id", cart)).jsonPath();
        assertThat(read.getBoolean("data.cart.discountCodes[0].applicable")).isFalse();
        assertThat(read.getString("data.cart.cost.discountAmount.amount")).isEqualTo("0.00");
        assertThat(read.getString("data.cart.cost.totalAmount.amount")).isEqualTo("10.00");

        // Removing every code restores the cost exactly.
        shop.execute("mutation($c: ID!, $l: ID!) { cartLinesUpdate(cartId: $c, lines: [{id: $l, quantity: 3}]) { userErrors { code } } }",
                Map.of("c", cart, "l", line));
        assertThat(shop.execute(CODES, Map.of("c", cart, "d", List.of())).getList("data.cartDiscountCodesUpdate.userErrors")).isEmpty();
        assertThat(shop.post(READ, Map.of("id", cart)).asString()).isEqualTo(threeMugs);
    }

    @Test
    void fiftyConcurrentOrdersRaceForTheLastFiveUses() throws Exception {
        TestStore store = TestStores.create("discount-race");
        List<String> product = product(store, "Race mug", "10.00");
        created(store, Map.of("code", "LAST5", "title", "Last five", "kind", "PERCENTAGE", "percentage", "10", "usageLimit", 5));
        String cart = store.storefront().execute("mutation($v: ID!) { cartCreate(input: {lines: [{merchandiseId: $v, quantity: 1}]}) { "
                + "cart { id } } }", Map.of("v", product.get(1))).getString("data.cartCreate.cart.id");
        assertThat(store.storefront().execute(CODES, Map.of("c", cart, "d", List.of("LAST5"))).getList("data.cartDiscountCodesUpdate.userErrors"))
                .isEmpty();
        PricedCart priced = tenantScope.call(store.id(), () -> pricing.price(carts.cart(cart).orElseThrow()));
        assertThat(priced.discountApplications()).hasSize(1);

        int racers = 50;
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger reserved = new AtomicInteger();
        ConcurrentLinkedQueue<Object> refused = new ConcurrentLinkedQueue<>();
        List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            String email = "racer" + i + "@example.com";
            futures.add(pool.submit(() -> {
                start.await();
                try {
                    tenantScope.run(store.id(), () -> QuarkusTransaction.requiringNew().run(() -> usage.reserve(priced, null, email, UUID.randomUUID())));
                    reserved.incrementAndGet();
                } catch (DomainException e) {
                    refused.add(e.code());
                }
                return null;
            }));
        }
        start.countDown();
        for (var f : futures) {
            f.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(reserved.get()).isEqualTo(5);
        assertThat(refused).hasSize(45).allMatch(c -> c == DiscountErrorCode.USAGE_LIMIT_REACHED);
        assertThat(sql(store, "select used_count from checkout.discount where code = 'LAST5'")).isEqualTo(5L);
        assertThat(sql(store, "select count(*) from checkout.discount_usage")).isEqualTo(5L);

        // Used up: a new cart cannot take the code any more.
        String other = store.storefront().execute("mutation($v: ID!) { cartCreate(input: {lines: [{merchandiseId: $v, quantity: 1}]}) { "
                + "cart { id } } }", Map.of("v", product.get(1))).getString("data.cartCreate.cart.id");
        assertThat(refusal(store.storefront(), other, List.of("last5"))).containsExactly("USAGE_LIMIT_REACHED", "discountCodes", "0");
    }

    @Test
    void usageIsCountedOncePerOrderPerCustomerLimitHoldsAndReleaseGivesItBack() {
        TestStore store = TestStores.create("discount-usage");
        List<String> product = product(store, "Usage mug", "10.00");
        created(store, Map.of("code", "ONCE", "title", "Once each", "kind", "FREE_SHIPPING", "usageLimitPerCustomer", 1, "usageLimit", 10));
        String cart = store.storefront().execute("mutation($v: ID!) { cartCreate(input: {lines: [{merchandiseId: $v, quantity: 1}]}) { "
                + "cart { id } } }", Map.of("v", product.get(1))).getString("data.cartCreate.cart.id");
        assertThat(store.storefront().execute(CODES, Map.of("c", cart, "d", List.of("once"))).getList("data.cartDiscountCodesUpdate.userErrors"))
                .isEmpty();
        PricedCart priced = tenantScope.call(store.id(), () -> pricing.price(carts.cart(cart).orElseThrow()));
        UUID order = UUID.randomUUID();
        reserve(store, priced, "Ann@Example.com", order);
        reserve(store, priced, "ann@example.com", order); // the same order again: counted once
        assertThat(sql(store, "select used_count from checkout.discount where code = 'ONCE'")).isEqualTo(1L);
        DomainException second = null;
        try {
            reserve(store, priced, "ANN@example.com", UUID.randomUUID());
        } catch (DomainException e) {
            second = e;
        }
        assertThat(second).as("the same guest email a second time").isNotNull();
        assertThat(second.code()).isEqualTo(DiscountErrorCode.USAGE_LIMIT_REACHED);
        assertThat(sql(store, "select used_count from checkout.discount where code = 'ONCE'")).as("the refused order counted nothing").isEqualTo(1L);
        reserve(store, priced, "bob@example.com", UUID.randomUUID());
        tenantScope.run(store.id(), () -> QuarkusTransaction.requiringNew().run(() -> usage.release(order)));
        assertThat(sql(store, "select used_count from checkout.discount where code = 'ONCE'")).isEqualTo(1L);
        reserve(store, priced, "ann@example.com", UUID.randomUUID()); // released: Ann may use it again
        assertThat(sql(store, "select used_count from checkout.discount where code = 'ONCE'")).isEqualTo(2L);
    }

    @Test
    void taxComesFromTheBuyersCountryOrTheStoreDefaultAfterDiscounts() {
        TestStore store = TestStores.create("tax-http");
        List<String> product = product(store, "Tax mug", "12.00");
        String rate = "mutation($i: TaxRateInput!) { taxRateCreate(input: $i) { taxRate { id countryCode rate } userErrors { field code } } }";
        assertThat(store.owner().execute(rate, Map.of("i", Map.of("countryCode", "*", "title", "Default", "rate", "0.1")))
                .getList("data.taxRateCreate.userErrors")).isEmpty();
        assertThat(store.owner().execute(rate, Map.of("i", Map.of("countryCode", "fr", "title", "VAT", "rate", "0.20")))
                .getString("data.taxRateCreate.taxRate.countryCode")).isEqualTo("FR");
        assertThat(store.owner().execute(rate, Map.of("i", Map.of("countryCode", "FR", "title", "VAT", "rate", "0.05")))
                .getString("data.taxRateCreate.userErrors[0].code")).isEqualTo("TITLE_TAKEN");
        assertThat(store.owner().execute(rate, Map.of("i", Map.of("countryCode", "FR", "title", "Bad", "rate", "1.5")))
                .getString("data.taxRateCreate.userErrors[0].code")).isEqualTo("INVALID_INPUT");
        assertThat(store.owner().execute(rate, Map.of("i", Map.of("countryCode", "France", "title", "Bad", "rate", "0.1")))
                .getString("data.taxRateCreate.userErrors[0].code")).isEqualTo("INVALID_INPUT");
        created(store, Map.of("code", "TENOFF", "title", "Ten off", "kind", "PERCENTAGE", "percentage", "10"));

        GraphQL shop = store.storefront();
        String cart = shop.execute("mutation($v: ID!) { cartCreate(input: {lines: [{merchandiseId: $v, quantity: 1}]}) { cart { id } } }",
                Map.of("v", product.get(1))).getString("data.cartCreate.cart.id");
        String tax = "query($id: ID!) { cart(id: $id) { cost { taxAmount { amount } totalAmount { amount } taxesIncluded "
                + "taxLines { title rate amount { amount } } } } }";
        // No country: the store's default rate, included in the price (the store prices with tax): 12.00 * 0.1 / 1.1 = 1.0909 -> 1.09.
        JsonPath read = shop.post(tax, Map.of("id", cart)).jsonPath();
        assertThat(read.getString("data.cart.cost.taxAmount.amount")).isEqualTo("1.09");
        assertThat(read.getString("data.cart.cost.totalAmount.amount")).isEqualTo("12.00");
        assertThat(read.getBoolean("data.cart.cost.taxesIncluded")).isTrue();
        assertThat(read.getString("data.cart.cost.taxLines[0].title")).isEqualTo("Default");

        // France: 20 % VAT in 12.00 = 2.00; after 10 % off, in 10.80 = 1.80.
        shop.execute("mutation($c: ID!) { cartBuyerIdentityUpdate(cartId: $c, buyerIdentity: {countryCode: \"FR\"}) { userErrors { code } } }",
                Map.of("c", cart));
        read = shop.post(tax, Map.of("id", cart)).jsonPath();
        assertThat(read.getString("data.cart.cost.taxAmount.amount")).isEqualTo("2.00");
        assertThat(read.getString("data.cart.cost.taxLines[0].title")).isEqualTo("VAT");
        assertThat(read.getString("data.cart.cost.taxLines[0].rate")).isEqualTo("0.2");
        assertThat(shop.execute(CODES, Map.of("c", cart, "d", List.of("tenoff"))).getList("data.cartDiscountCodesUpdate.userErrors")).isEmpty();
        read = shop.post(tax, Map.of("id", cart)).jsonPath();
        assertThat(read.getString("data.cart.cost.taxAmount.amount")).isEqualTo("1.80");
        assertThat(read.getString("data.cart.cost.totalAmount.amount")).isEqualTo("10.80");
    }

    @Test
    void deliveryOptionsFollowTheAddressAndTheChosenOneIsPricedWithFreeShippingAndTaxOnShipping() {
        TestStore store = TestStores.create("shipping-http");
        List<String> product = product(store, "Ship mug", "20.00");
        String zone = "mutation($i: ShippingZoneInput!) { shippingZoneCreate(input: $i) { shippingZone { id rateHandles } userErrors { field code } } }";
        JsonPath fr = store.owner().execute(zone, Map.of("i", Map.of("name", "France", "countries", List.of("FR"), "taxesShipping", true,
                "rates", List.of(Map.of("title", "Standard", "kind", "FLAT", "price", "6.00", "freeAbove", "100.00", "minDays", 2, "maxDays", 4),
                        Map.of("title", "Small order", "kind", "SUBTOTAL", "price", "3.00", "maxSubtotal", "30.00"),
                        Map.of("title", "Pickup", "kind", "PICKUP", "price", "0")))));
        assertThat(fr.getList("data.shippingZoneCreate.userErrors")).as(fr.prettify()).isEmpty();
        assertThat(store.owner().execute(zone, Map.of("i", Map.of("name", "Bad", "countries", List.of("France"),
                "rates", List.of(Map.of("title", "x", "kind", "FLAT", "price", "1")))))
                .getString("data.shippingZoneCreate.userErrors[0].code")).isEqualTo("INVALID_INPUT");
        assertThat(store.owner().execute(zone, Map.of("i", Map.of("name", "Bad", "countries", List.of("FR"),
                "rates", List.of(Map.of("title", "x", "kind", "FLAT", "price", "1.001")))))
                .getString("data.shippingZoneCreate.userErrors[0].code")).isEqualTo("INVALID_INPUT");
        store.owner().execute("mutation { taxRateCreate(input: {countryCode: \"FR\", title: \"VAT\", rate: \"0.2\"}) { userErrors { code } } }");
        created(store, Map.of("code", "SHIPFREE", "title", "Free shipping", "kind", "FREE_SHIPPING"));

        GraphQL shop = store.storefront();
        String cart = shop.execute("mutation($v: ID!) { cartCreate(input: {lines: [{merchandiseId: $v, quantity: 1}]}) { cart { id } } }",
                Map.of("v", product.get(1))).getString("data.cartCreate.cart.id");
        String read = "query($id: ID!) { cart(id: $id) { shippingAddress { city countryCode } deliveryOptions { handle title pickup selected "
                + "estimatedCost { amount } } cost { shippingAmount { amount } discountAmount { amount } taxAmount { amount } totalAmount { amount } } } }";
        JsonPath body = shop.post(read, Map.of("id", cart)).jsonPath();
        assertThat(body.getList("data.cart.deliveryOptions.title")).as("no address: pickup only").containsExactly("Pickup");

        String address = "mutation($c: ID!, $a: CartAddressInput) { cartShippingAddressUpdate(cartId: $c, address: $a) { cart { id } "
                + "userErrors { field code } } }";
        assertThat(shop.execute(address, Map.of("c", cart, "a", Map.of("countryCode", "Frankreich"))).getString(
                "data.cartShippingAddressUpdate.userErrors[0].code")).isEqualTo("INVALID_INPUT");
        assertThat(shop.execute(address, Map.of("c", cart, "a", Map.of("city", "Lyon", "countryCode", "fr")))
                .getList("data.cartShippingAddressUpdate.userErrors")).isEmpty();
        body = shop.post(read, Map.of("id", cart)).jsonPath();
        assertThat(body.getString("data.cart.shippingAddress.countryCode")).isEqualTo("FR");
        assertThat(body.getList("data.cart.deliveryOptions.title")).containsExactly("Pickup", "Small order", "Standard");
        String standard = body.getString("data.cart.deliveryOptions.find { it.title == 'Standard' }.handle");

        String select = "mutation($c: ID!, $h: String!) { cartSelectedDeliveryOptionUpdate(cartId: $c, deliveryOptionHandle: $h) { cart { id } "
                + "userErrors { field code } } }";
        assertThat(shop.execute(select, Map.of("c", cart, "h", "nope")).getString("data.cartSelectedDeliveryOptionUpdate.userErrors[0].code"))
                .isEqualTo("OPTION_NOT_AVAILABLE");
        assertThat(shop.execute(select, Map.of("c", cart, "h", standard)).getList("data.cartSelectedDeliveryOptionUpdate.userErrors")).isEmpty();
        body = shop.post(read, Map.of("id", cart)).jsonPath();
        // Prices include tax (the store's setting): 20.00 + 6.00 shipping = 26.00, VAT inside: 3.33 + 1.00.
        assertThat(body.getString("data.cart.cost.shippingAmount.amount")).isEqualTo("6.00");
        assertThat(body.getString("data.cart.cost.taxAmount.amount")).isEqualTo("4.33");
        assertThat(body.getString("data.cart.cost.totalAmount.amount")).isEqualTo("26.00");
        assertThat(body.getBoolean("data.cart.deliveryOptions.find { it.title == 'Standard' }.selected")).isTrue();

        // Free shipping takes the 6.00 off and the tax on it with it.
        assertThat(shop.execute(CODES, Map.of("c", cart, "d", List.of("shipfree"))).getList("data.cartDiscountCodesUpdate.userErrors")).isEmpty();
        body = shop.post(read, Map.of("id", cart)).jsonPath();
        assertThat(body.getString("data.cart.cost.discountAmount.amount")).isEqualTo("6.00");
        assertThat(body.getString("data.cart.cost.taxAmount.amount")).isEqualTo("3.33");
        assertThat(body.getString("data.cart.cost.totalAmount.amount")).isEqualTo("20.00");

        // A new address clears the choice.
        shop.execute(address, Map.of("c", cart, "a", Map.of("city", "Paris", "countryCode", "FR")));
        body = shop.post(read, Map.of("id", cart)).jsonPath();
        assertThat(body.getString("data.cart.cost.shippingAmount.amount")).isEqualTo("0.00");
        assertThat(body.getList("data.cart.deliveryOptions.selected")).containsOnly(false);

        // Nothing to ship: no delivery step.
        JsonPath ebook = store.owner().execute("mutation($i: ProductCreateInput!) { productCreate(input: $i) { product { variants { nodes { id } } } "
                + "userErrors { code } } }", Map.of("i", Map.of("title", "E-book", "status", "ACTIVE", "publishedAt", "2020-01-01T00:00:00Z",
                        "variants", List.of(Map.of("price", "5.00", "requiresShipping", false)))));
        String digital = shop.execute("mutation($v: ID!) { cartCreate(input: {lines: [{merchandiseId: $v, quantity: 1}]}) { cart { id } } }",
                Map.of("v", ebook.getString("data.productCreate.product.variants.nodes[0].id"))).getString("data.cartCreate.cart.id");
        shop.execute(address, Map.of("c", digital, "a", Map.of("countryCode", "FR")));
        assertThat(shop.post(read, Map.of("id", digital)).jsonPath().getList("data.cart.deliveryOptions")).isEmpty();
        assertThat(shop.execute(select, Map.of("c", digital, "h", standard)).getString("data.cartSelectedDeliveryOptionUpdate.userErrors[0].code"))
                .isEqualTo("NO_DELIVERY_NEEDED");
    }

    @Test
    void merchantInputIsValidated() {
        TestStore store = TestStores.create("discount-input");
        Map<String, List<String>> cases = new HashMap<>();
        cases.put("percentage", refusedCreate(store, Map.of("title", "t", "kind", "PERCENTAGE", "percentage", "150")));
        cases.put("amount", refusedCreate(store, Map.of("title", "t", "kind", "FIXED_AMOUNT", "amount", "1.001")));
        cases.put("code", refusedCreate(store, Map.of("code", "has space", "title", "t", "kind", "FREE_SHIPPING")));
        cases.put("endsAt", refusedCreate(store, Map.of("title", "t", "kind", "FREE_SHIPPING", "startsAt", "2030-01-01T00:00:00Z",
                "endsAt", "2029-01-01T00:00:00Z")));
        cases.put("usageLimit", refusedCreate(store, Map.of("title", "t", "kind", "FREE_SHIPPING", "usageLimit", 0)));
        cases.put("productIds", refusedCreate(store, Map.of("title", "t", "kind", "FREE_SHIPPING", "productIds", List.of("gid://shopgraph/Cart/x"))));
        cases.put("value", refusedCreate(store, Map.of("title", "t", "kind", "BUY_X_GET_Y", "buyQuantity", Integer.MAX_VALUE, "getQuantity", 1)));
        cases.forEach((field, error) -> assertThat(error).as(field).containsExactly("INVALID_INPUT", "input", field));
        created(store, Map.of("code", "TWICE", "title", "t", "kind", "FREE_SHIPPING"));
        assertThat(refusedCreate(store, Map.of("code", "twice", "title", "t", "kind", "FREE_SHIPPING"))).containsExactly("CODE_TAKEN", "input", "code");
    }

    private void reserve(TestStore store, PricedCart priced, String email, UUID order) {
        tenantScope.run(store.id(), () -> QuarkusTransaction.requiringNew().run(() -> usage.reserve(priced, null, email, order)));
    }

    private static List<String> refusedCreate(TestStore store, Map<String, Object> input) {
        JsonPath body = store.owner().execute(CREATE, Map.of("i", input));
        assertThat(body.getList("errors")).as(body.prettify()).isNull();
        assertThat(body.getString("data.discountCreate.discount")).isNull();
        List<String> result = new ArrayList<>();
        result.add(body.getString("data.discountCreate.userErrors[0].code"));
        result.addAll(body.getList("data.discountCreate.userErrors[0].field"));
        return result;
    }

    private static List<String> refusal(GraphQL shop, String cart, List<String> codes) {
        JsonPath body = shop.execute(CODES, Map.of("c", cart, "d", codes));
        assertThat(body.getList("errors")).as(body.prettify()).isNull();
        assertThat(body.getString("data.cartDiscountCodesUpdate.cart")).isNull();
        List<String> result = new ArrayList<>();
        result.add(body.getString("data.cartDiscountCodesUpdate.userErrors[0].code"));
        result.addAll(body.getList("data.cartDiscountCodesUpdate.userErrors[0].field"));
        return result;
    }

    static String created(TestStore store, Map<String, Object> input) {
        JsonPath body = store.owner().execute(CREATE, Map.of("i", input));
        assertThat(body.getList("data.discountCreate.userErrors")).as(body.prettify()).isEmpty();
        return body.getString("data.discountCreate.discount.id");
    }

    static List<String> product(TestStore store, String title, String price) {
        JsonPath body = store.owner().execute("mutation($i: ProductCreateInput!) { productCreate(input: $i) { product { id "
                + "variants { nodes { id } } } userErrors { code message } } }", Map.of("i", Map.of("title", title, "status", "ACTIVE",
                        "publishedAt", "2020-01-01T00:00:00Z", "variants", List.of(Map.of("price", price)))));
        assertThat(body.getList("data.productCreate.userErrors")).as(body.prettify()).isEmpty();
        return List.of(body.getString("data.productCreate.product.id"), body.getString("data.productCreate.product.variants.nodes[0].id"));
    }

    private long sql(TestStore store, String query) {
        return tenantScope.call(store.id(), () -> QuarkusTransaction.requiringNew().call(() ->
                ((Number) Arc.container().instance(EntityManager.class).get().createNativeQuery(query).getSingleResult()).longValue()));
    }
}
