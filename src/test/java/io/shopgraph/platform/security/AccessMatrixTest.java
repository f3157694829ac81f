package io.shopgraph.platform.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Query;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.shopgraph.store.domain.StaffRole;
import io.shopgraph.testing.GraphQL;
import io.shopgraph.testing.LocalOidcIssuer;
import io.shopgraph.testing.TestStores;
import io.shopgraph.testing.TestStores.TestStore;

/**
 * Principal x operation: every root operation of the served schema is called by every kind of
 * caller and must be allowed or denied exactly as its access annotation declares. The annotation
 * on the resolver method is the declaration; this test reads it by reflection, so it cannot drift.
 * It fails when an operation has no declaration or no sample call in {@link #SAMPLES}.
 */
@QuarkusTest
class AccessMatrixTest {

    /** A sample call of one root operation, with fresh variables per call (the target store is given). */
    record Sample(String document, Function<TestStore, Map<String, Object>> variables) {
    }

    private static Map.Entry<String, Sample> sample(String operation, String document) {
        return Map.entry(operation, new Sample(document, store -> Map.of()));
    }

    private static Map.Entry<String, Sample> sample(String operation, String document,
            Function<TestStore, Map<String, Object>> variables) {
        return Map.entry(operation, new Sample(document, variables));
    }

    private static String unknownId(String type) {
        return "gid://shopgraph/" + type + "/" + UUID.randomUUID();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * THE table: one row per root operation of the schema (other modules add theirs here). A sample
     * must succeed without any error when the caller is allowed, and must not depend on earlier
     * calls: mutations act on unknown ids (a user error, not an access error) or on fresh values.
     */
    static final Map<String, Sample> SAMPLES = Map.ofEntries(
            // platform
            sample("node", "query($id: ID!) { node(id: $id) { id } }", s -> Map.of("id", s.shopId())),
            sample("nodes", "query($ids: [String!]!) { nodes(ids: $ids) { id } }", s -> Map.of("ids", List.of(s.shopId()))),
            // store
            sample("shop", "{ shop { id handle } }"),
            sample("storefrontAccessTokens", "{ storefrontAccessTokens(first: 1) { nodes { id } } }"),
            sample("storefrontAccessTokenCreate",
                    "mutation { storefrontAccessTokenCreate(input: {title: \"matrix\"}) { accessToken userErrors { code } } }"),
            sample("storefrontAccessTokenRevoke",
                    "mutation($id: ID!) { storefrontAccessTokenRevoke(id: $id) { userErrors { code } } }",
                    s -> Map.of("id", unknownId("StorefrontAccessToken"))),
            sample("storefrontAccessTokenUpdate",
                    "mutation($id: ID!) { storefrontAccessTokenUpdate(id: $id, input: {allowedOrigins: [\"https://a.example\"]}) { "
                            + "userErrors { code } } }",
                    s -> Map.of("id", unknownId("StorefrontAccessToken"))),
            sample("shopUpdate", "mutation { shopUpdate(input: {contactEmail: \"not an email\"}) { userErrors { code } } }"),
            sample("staffMembers", "{ staffMembers { id } }"),
            sample("appInstallations", "{ appInstallations { id } }"),
            sample("staffMemberAdd", "mutation($i: StaffMemberAddInput!) { staffMemberAdd(input: $i) { userErrors { code } } }",
                    s -> Map.of("i", Map.of("issuer", LocalOidcIssuer.issuer(), "subject", unique("matrix"), "role", "SUPPORT"))),
            sample("staffMemberUpdateRole",
                    "mutation($id: ID!) { staffMemberUpdateRole(id: $id, role: SUPPORT) { userErrors { code } } }",
                    s -> Map.of("id", unknownId("StaffMember"))),
            sample("staffMemberRemove", "mutation($id: ID!) { staffMemberRemove(id: $id) { userErrors { code } } }",
                    s -> Map.of("id", unknownId("StaffMember"))),
            sample("appInstall", "mutation($i: AppInstallInput!) { appInstall(input: $i) { userErrors { code } } }",
                    s -> Map.of("i", Map.of("clientId", unique("matrix-app"), "scopes", List.of("READ_PRODUCTS")))),
            sample("appUpdateScopes",
                    "mutation($id: ID!) { appUpdateScopes(id: $id, scopes: [READ_ORDERS]) { userErrors { code } } }",
                    s -> Map.of("id", unknownId("AppInstallation"))),
            sample("appUninstall", "mutation($id: ID!) { appUninstall(id: $id) { userErrors { code } } }",
                    s -> Map.of("id", unknownId("AppInstallation"))),
            sample("storeCreate", "mutation($i: StoreCreateInput!) { storeCreate(input: $i) { userErrors { code } } }",
                    s -> Map.of("i", Map.of("name", "Matrix", "handle", unique("matrix"), "currencyCode", "EUR",
                            "countryCode", "FR", "pricesIncludeTax", true, "timezone", "Europe/Paris",
                            "ownerIssuer", LocalOidcIssuer.issuer(), "ownerSubject", unique("matrix-owner")))),
            // customers
            sample("customer", "{ customer { id email } }"),
            sample("customerCreate", "mutation($i: CustomerCreateInput!) { customerCreate(input: $i) { userErrors { code } } }",
                    s -> Map.of("i", Map.of("email", unique("matrix") + "@example.com", "password", "matrix password"))),
            sample("customerAccessTokenCreate",
                    "mutation($i: CustomerAccessTokenCreateInput!) { customerAccessTokenCreate(input: $i) { userErrors { code } } }",
                    s -> Map.of("i", Map.of("email", unique("nobody") + "@example.com", "password", "wrong password"))),
            sample("customerAccessTokenRenew",
                    "mutation { customerAccessTokenRenew(customerAccessToken: \"sgct_unknown\") { userErrors { code } } }"),
            sample("customerAccessTokenDelete",
                    "mutation { customerAccessTokenDelete(customerAccessToken: \"sgct_unknown\") { userErrors { code } } }"),
            sample("customerRecover", "mutation($e: String!) { customerRecover(email: $e) { userErrors { code } } }",
                    s -> Map.of("e", unique("nobody") + "@example.com")),
            sample("customerReset",
                    "mutation { customerReset(input: {resetToken: \"sgpr_unknown\", password: \"new password\"}) { userErrors { code } } }"),
            sample("customerAddressCreate",
                    "mutation { customerAddressCreate(address: {address1: \"1 rue\", city: \"Paris\", countryCode: \"FR\"}) { userErrors { code } } }"),
            sample("customerAddressUpdate", "mutation($id: ID!) { customerAddressUpdate(id: $id, address: "
                    + "{address1: \"1 rue\", city: \"Paris\", countryCode: \"FR\"}) { userErrors { code } } }",
                    s -> Map.of("id", unknownId("CustomerAddress"))),
            sample("customerAddressDelete", "mutation($id: ID!) { customerAddressDelete(id: $id) { userErrors { code } } }",
                    s -> Map.of("id", unknownId("CustomerAddress"))),
            sample("customerDefaultAddressUpdate",
                    "mutation($id: ID!) { customerDefaultAddressUpdate(addressId: $id) { userErrors { code } } }",
                    s -> Map.of("id", unknownId("CustomerAddress"))),
            // catalog and inventory
            sample("products", "{ products(first: 2) { nodes { id title } } }"),
            sample("product", "query($id: ID!) { product(id: $id) { id } }", s -> Map.of("id", unknownId("Product"))),
            sample("collections", "{ collections(first: 2) { nodes { id } } }"),
            sample("collection", "query($id: ID!) { collection(id: $id) { id } }", s -> Map.of("id", unknownId("Collection"))),
            sample("search", "{ search(query: \"shirt\", first: 2) { totalCount products { nodes { id } } facets { vendors { value } } } }"),
            sample("predictiveSearch", "{ predictiveSearch(query: \"shi\", first: 2) { products { id } collections { id } queries { text } } }"),
            sample("productCreate", "mutation($i: ProductCreateInput!) { productCreate(input: $i) { userErrors { code } } }",
                    s -> Map.of("i", Map.of("title", unique("Matrix product"), "variants", List.of(Map.of("price", "5.00"))))),
            sample("productUpdate", "mutation($id: ID!) { productUpdate(id: $id, input: {title: \"x\"}) { userErrors { code } } }",
                    s -> Map.of("id", unknownId("Product"))),
            sample("productDelete", "mutation($id: ID!) { productDelete(id: $id) { userErrors { code } } }",
                    s -> Map.of("id", unknownId("Product"))),
            sample("collectionCreate", "mutation($i: CollectionCreateInput!) { collectionCreate(input: $i) { userErrors { code } } }",
                    s -> Map.of("i", Map.of("title", unique("Matrix collection")))),
            sample("collectionAddProducts",
                    "mutation($id: ID!, $p: [String!]!) { collectionAddProducts(id: $id, productIds: $p) { userErrors { code } } }",
                    s -> Map.of("id", unknownId("Collection"), "p", List.of(unknownId("Product")))),
            sample("collectionRemoveProducts",
                    "mutation($id: ID!, $p: [String!]!) { collectionRemoveProducts(id: $id, productIds: $p) { userErrors { code } } }",
                    s -> Map.of("id", unknownId("Collection"), "p", List.of(unknownId("Product")))),
            sample("collectionDelete", "mutation($id: ID!) { collectionDelete(id: $id) { userErrors { code } } }",
                    s -> Map.of("id", unknownId("Collection"))),
            sample("collectionUpdate", "mutation($id: ID!) { collectionUpdate(id: $id, input: {title: \"x\"}) { userErrors { code } } }",
                    s -> Map.of("id", unknownId("Collection"))),
            sample("collectionReorderProducts",
                    "mutation($id: ID!, $m: [MoveInput!]!) { collectionReorderProducts(id: $id, moves: $m) { userErrors { code } } }",
                    s -> Map.of("id", unknownId("Collection"), "m", List.of(Map.of("productId", unknownId("Product"), "newPosition", 0)))),
            sample("productsImport", "mutation($d: String!) { productsImport(document: $d) { importedCount userErrors { code } } }",
                    s -> Map.of("d", "{\"products\": [{\"title\": \"" + unique("Matrix import") + "\", \"variants\": [{\"price\": \"1.00\"}]}]}")),
            sample("inventorySetQuantities", "mutation($v: ID!) { inventorySetQuantities(input: "
                    + "{quantities: [{variantId: $v, compareQuantity: 0, quantity: 1}]}) { userErrors { code } } }",
                    s -> Map.of("v", unknownId("ProductVariant"))),
            sample("inventoryAdjustQuantities", "mutation($v: ID!) { inventoryAdjustQuantities(input: "
                    + "{reason: RECEIVED, changes: [{variantId: $v, delta: 1}]}) { userErrors { code } } }",
                    s -> Map.of("v", unknownId("ProductVariant"))),
            // catalog translations
            sample("productTranslationsSet", "mutation($id: ID!) { productTranslationsSet(productId: $id, translations: "
                    + "[{locale: \"fr\", title: \"Titre\"}]) { userErrors { code } } }", s -> Map.of("id", unknownId("Product"))),
            sample("productTranslationsRemove", "mutation($id: ID!) { productTranslationsRemove(productId: $id, locales: [\"fr\"]) { "
                    + "userErrors { code } } }", s -> Map.of("id", unknownId("Product"))),
            sample("collectionTranslationsSet", "mutation($id: ID!) { collectionTranslationsSet(collectionId: $id, translations: "
                    + "[{locale: \"fr\", title: \"Titre\"}]) { userErrors { code } } }", s -> Map.of("id", unknownId("Collection"))),
            sample("collectionTranslationsRemove", "mutation($id: ID!) { collectionTranslationsRemove(collectionId: $id, "
                    + "locales: [\"fr\"]) { userErrors { code } } }", s -> Map.of("id", unknownId("Collection"))),
            // catalog: variants, media
            sample("productVariantsBulkCreate", "mutation($p: ID!) { productVariantsBulkCreate(productId: $p, variants: "
                    + "[{price: \"1.00\"}]) { userErrors { code } } }", s -> Map.of("p", unknownId("Product"))),
            sample("productVariantsBulkUpdate", "mutation($p: ID!, $v: ID!) { productVariantsBulkUpdate(productId: $p, variants: "
                    + "[{id: $v, price: \"1.00\"}]) { userErrors { code } } }",
                    s -> Map.of("p", unknownId("Product"), "v", unknownId("ProductVariant"))),
            sample("productVariantsBulkDelete", "mutation($p: ID!, $v: [String!]!) { productVariantsBulkDelete(productId: $p, "
                    + "variantIds: $v) { userErrors { code } } }", s -> Map.of("p", unknownId("Product"), "v", List.of(unknownId("ProductVariant")))),
            sample("productMediaAdd", "mutation($p: ID!) { productMediaAdd(productId: $p, media: [{url: \"https://img.example/m.jpg\"}]) { "
                    + "userErrors { code } } }", s -> Map.of("p", unknownId("Product"))),
            sample("productMediaRemove", "mutation($p: ID!, $m: [String!]!) { productMediaRemove(productId: $p, mediaIds: $m) { "
                    + "userErrors { code } } }", s -> Map.of("p", unknownId("Product"), "m", List.of(unknownId("ProductImage")))),
            // catalog: line attribute declarations
            sample("productVariantLineAttributesSet", "mutation($v: ID!) { productVariantLineAttributesSet(variantId: $v, "
                    + "lineAttributes: [{key: \"engraving\", type: TEXT}]) { userErrors { code } } }", s -> Map.of("v", unknownId("ProductVariant"))),
            // cart and sessions
            sample("cart", "query($id: ID!) { cart(id: $id) { id } }", s -> Map.of("id", unknownId("Cart"))),
            sample("cartCreate", "mutation { cartCreate(input: {note: \"matrix\"}) { cart { id } userErrors { code } } }"),
            sample("cartLinesAdd", "mutation($c: ID!, $v: ID!) { cartLinesAdd(cartId: $c, lines: [{merchandiseId: $v}]) { userErrors { code } } }",
                    s -> Map.of("c", unknownId("Cart"), "v", unknownId("ProductVariant"))),
            sample("cartLinesUpdate", "mutation($c: ID!, $l: ID!) { cartLinesUpdate(cartId: $c, lines: [{id: $l, quantity: 1}]) { "
                    + "userErrors { code } } }", s -> Map.of("c", unknownId("Cart"), "l", unknownId("CartLine"))),
            sample("cartLinesRemove", "mutation($c: ID!, $l: String!) { cartLinesRemove(cartId: $c, lineIds: [$l]) { userErrors { code } } }",
                    s -> Map.of("c", unknownId("Cart"), "l", unknownId("CartLine"))),
            sample("cartNoteUpdate", "mutation($c: ID!) { cartNoteUpdate(cartId: $c, note: \"x\") { userErrors { code } } }",
                    s -> Map.of("c", unknownId("Cart"))),
            sample("cartAttributesUpdate", "mutation($c: ID!) { cartAttributesUpdate(cartId: $c, attributes: [{key: \"a\", value: \"b\"}]) { "
                    + "userErrors { code } } }", s -> Map.of("c", unknownId("Cart"))),
            sample("cartBuyerIdentityUpdate", "mutation($c: ID!) { cartBuyerIdentityUpdate(cartId: $c, buyerIdentity: {email: \"a@b.example\"}) { "
                    + "userErrors { code } } }", s -> Map.of("c", unknownId("Cart"))),
            sample("sessionStart", "mutation { sessionStart(input: {landingUrl: \"https://shop.example/\"}) { tracked userErrors { code } } }"),
            sample("sessionEventRecord", "mutation { sessionEventRecord(event: {type: SEARCHED, searchQuery: \"hat\"}) { recorded userErrors { code } } }"),
            sample("productMediaReorder", "mutation($p: ID!, $m: ID!) { productMediaReorder(productId: $p, moves: [{id: $m, newPosition: 0}]) { "
                    + "userErrors { code } } }", s -> Map.of("p", unknownId("Product"), "m", unknownId("ProductImage"))),
            // checkout: discounts
            sample("discountCreate", "mutation($i: DiscountInput!) { discountCreate(input: $i) { userErrors { code } } }",
                    s -> Map.of("i", Map.of("code", unique("M").replaceAll("[^A-Za-z0-9]", ""), "title", "Matrix", "kind", "FREE_SHIPPING"))),
            sample("discountCodes", "{ discountCodes(first: 2) { nodes { id code status usedCount } } }"),
            sample("automaticDiscounts", "{ automaticDiscounts(first: 2, query: \"x\") { nodes { id title status } } }"),
            sample("discount", "query($id: ID!) { discount(id: $id) { id } }", s -> Map.of("id", unknownId("Discount"))),
            sample("cartDiscountCodesUpdate", "mutation($c: ID!) { cartDiscountCodesUpdate(cartId: $c, discountCodes: [\"X\"]) { "
                    + "userErrors { code } } }", s -> Map.of("c", unknownId("Cart"))),
            sample("taxRateCreate", "mutation($i: TaxRateInput!) { taxRateCreate(input: $i) { userErrors { code } } }",
                    s -> Map.of("i", Map.of("countryCode", "DE", "title", unique("VAT"), "rate", "0.19"))),
            sample("shippingZoneCreate", "mutation($i: ShippingZoneInput!) { shippingZoneCreate(input: $i) { userErrors { code } } }",
                    s -> Map.of("i", Map.of("name", unique("Zone"), "countries", List.of("DE"),
                            "rates", List.of(Map.of("title", "Standard", "kind", "FLAT", "price", "4.90"))))),
            sample("cartShippingAddressUpdate", "mutation($c: ID!) { cartShippingAddressUpdate(cartId: $c, address: {countryCode: \"FR\"}) { "
                    + "userErrors { code } } }", s -> Map.of("c", unknownId("Cart"))),
            sample("cartSelectedDeliveryOptionUpdate", "mutation($c: ID!) { cartSelectedDeliveryOptionUpdate(cartId: $c, "
                    + "deliveryOptionHandle: \"x\") { userErrors { code } } }", s -> Map.of("c", unknownId("Cart"))),
            // analytics
            sample("storeAnalytics", "{ storeAnalytics(from: \"2026-01-01\", to: \"2026-01-31\", granularity: WEEK) { totals { sessions } "
                    + "topProducts { productId } } }"),
            sample("abandonedCarts", "{ abandonedCarts(from: \"2026-01-01\", to: \"2026-01-31\", first: 2) { nodes { cartId lines { quantity } } } }"),
            // payments (malformed keys are user errors; disconnecting a store without Stripe answers false)
            sample("paymentSettings", "{ paymentSettings { provider publishableKey } }"),
            sample("stripeAccount", "{ stripeAccount { publishableKey } }"),
            sample("stripeAccountConnect", "mutation { stripeAccountConnect(input: {publishableKey: \"pk_x\", secretKey: \"sk_x\", "
                    + "webhookSecret: \"whsec_x\"}) { userErrors { code } } }"),
            sample("stripeAccountUpdate", "mutation { stripeAccountUpdate(input: {secretKey: \"sk_x\"}) { userErrors { code } } }"),
            sample("stripeAccountDisconnect", "mutation { stripeAccountDisconnect { disconnected userErrors { code } } }"),
            // webhooks (an unresolvable host is a user error, as is a topic outside the caller's scopes)
            sample("webhookSubscriptions", "{ webhookSubscriptions(first: 2) { nodes { id topic } } }"),
            sample("webhookDeliveries", "query($s: ID!) { webhookDeliveries(subscriptionId: $s, first: 2) { nodes { id status } } }",
                    s -> Map.of("s", unknownId("WebhookSubscription"))),
            sample("webhookSubscriptionCreate", "mutation($i: WebhookSubscriptionCreateInput!) { webhookSubscriptionCreate(input: $i) { "
                    + "userErrors { code } } }", s -> Map.of("i", Map.of("topic", "PRODUCTS_CREATE", "callbackUrl", "https://hooks.invalid/matrix"))),
            sample("webhookSubscriptionUpdate", "mutation($id: ID!) { webhookSubscriptionUpdate(id: $id, input: {callbackUrl: "
                    + "\"https://hooks.invalid/x\"}) { userErrors { code } } }", s -> Map.of("id", unknownId("WebhookSubscription"))),
            sample("webhookSubscriptionDelete", "mutation($id: ID!) { webhookSubscriptionDelete(id: $id) { userErrors { code } } }",
                    s -> Map.of("id", unknownId("WebhookSubscription"))),
            sample("webhookSubscriptionRotateSecret", "mutation($id: ID!) { webhookSubscriptionRotateSecret(id: $id) { userErrors { code } } }",
                    s -> Map.of("id", unknownId("WebhookSubscription"))),
            sample("webhookDeliveryReplay", "mutation($id: ID!) { webhookDeliveryReplay(id: $id) { userErrors { code } } }",
                    s -> Map.of("id", unknownId("WebhookDelivery"))),
            // checkout and orders
            sample("checkoutComplete", "mutation($c: ID!) { checkoutComplete(cartId: $c, idempotencyKey: \"matrix\") { userErrors { code } } }",
                    s -> Map.of("c", unknownId("Cart"))),
            sample("orderByToken", "{ orderByToken(token: \"sgot_unknown\") { id } }"),
            sample("orders", "{ orders(first: 2) { nodes { id status } } }"),
            sample("order", "query($id: ID!) { order(id: $id) { id } }", s -> Map.of("id", unknownId("Order"))),
            sample("orderMarkAsPaid", "mutation($id: ID!) { orderMarkAsPaid(id: $id) { userErrors { code } } }", s -> Map.of("id", unknownId("Order"))),
            sample("orderCancel", "mutation($id: ID!) { orderCancel(id: $id) { userErrors { code } } }", s -> Map.of("id", unknownId("Order"))),
            sample("orderNoteUpdate", "mutation($id: ID!) { orderNoteUpdate(id: $id, note: \"x\") { userErrors { code } } }",
                    s -> Map.of("id", unknownId("Order"))),
            sample("fulfillmentCreate", "mutation($id: ID!) { fulfillmentCreate(orderId: $id) { userErrors { code } } }",
                    s -> Map.of("id", unknownId("Order"))),
            sample("refundCreate", "mutation($id: ID!) { refundCreate(orderId: $id, input: {amount: \"1.00\"}) { userErrors { code } } }",
                    s -> Map.of("id", unknownId("Order"))),
            // digital goods (unknown ids: a user error, not an access error)
            sample("digitalFileUploadCreate", "mutation($v: ID!) { digitalFileUploadCreate(variantId: $v, fileName: \"a.pdf\", "
                    + "contentType: \"application/pdf\", byteSize: 10) { userErrors { code } } }", s -> Map.of("v", unknownId("ProductVariant"))),
            sample("digitalFileDelete", "mutation($id: ID!) { digitalFileDelete(id: $id) { userErrors { code } } }",
                    s -> Map.of("id", unknownId("DigitalFile"))),
            sample("licenseKeysAdd", "mutation($v: ID!) { licenseKeysAdd(variantId: $v, keys: [\"K\"]) { userErrors { code } } }",
                    s -> Map.of("v", unknownId("ProductVariant"))),
            sample("orderDownloadLinkResend", "mutation($id: ID!) { orderDownloadLinkResend(downloadId: $id) { userErrors { code } } }",
                    s -> Map.of("id", unknownId("DigitalDownload"))),
            sample("orderDownloadLimitExtend", "mutation($id: ID!) { orderDownloadLimitExtend(downloadId: $id, extraDownloads: 1) { "
                    + "userErrors { code } } }", s -> Map.of("id", unknownId("DigitalDownload"))),
            // notifications
            sample("orderNotificationResend", "mutation($id: ID!) { orderNotificationResend(orderId: $id, kind: ORDER_CONFIRMATION) { "
                    + "userErrors { code } } }", s -> Map.of("id", unknownId("Order"))),
            sample("orderBalanceRequest", "mutation($id: ID!) { orderBalanceRequest(orderId: $id, idempotencyKey: \"matrix\") { userErrors { code } } }",
                    s -> Map.of("id", unknownId("Order"))),
            sample("orderBalanceWaive", "mutation($id: ID!) { orderBalanceWaive(orderId: $id) { userErrors { code } } }",
                    s -> Map.of("id", unknownId("Order"))),
            sample("orderPaymentLink", "{ orderPaymentLink(token: \"opl_unknown\") { orderName } }"),
            // bookings (unknown ids are user errors)
            sample("bookingSlotCreate", "mutation($v: ID!) { bookingSlotCreate(input: {variantId: $v, startsAt: \"2030-01-01T10:00:00Z\", "
                    + "durationMinutes: 60, capacity: 2}) { userErrors { code } } }", s -> Map.of("v", unknownId("ProductVariant"))),
            sample("bookingSlotUpdate", "mutation($id: ID!) { bookingSlotUpdate(id: $id, input: {capacity: 3}) { userErrors { code } } }",
                    s -> Map.of("id", unknownId("BookingSlot"))),
            sample("bookingSlotDelete", "mutation($id: ID!) { bookingSlotDelete(id: $id) { userErrors { code } } }",
                    s -> Map.of("id", unknownId("BookingSlot"))),
            sample("bookingMove", "mutation($b: ID!, $s: ID!) { bookingMove(bookingId: $b, slotId: $s) { userErrors { code } } }",
                    s -> Map.of("b", unknownId("Booking"), "s", unknownId("BookingSlot"))),
            sample("bookingCancel", "mutation($b: ID!) { bookingCancel(bookingId: $b) { userErrors { code } } }",
                    s -> Map.of("b", unknownId("Booking"))));

    /** What an operation declares, read from its resolver method. */
    sealed interface Declared permits Storefront, Shared, Merchant, Platform, Customer {
    }

    record Storefront() implements Declared {
    }

    record Shared(Scope merchantScope) implements Declared {

        /** Whether a merchant holding {@code scopes} may call it. */
        boolean grantedBy(Set<Scope> scopes) {
            return merchantScope == null || scopes.contains(merchantScope);
        }
    }

    record Merchant(Scope scope) implements Declared {
    }

    record Platform() implements Declared {
    }

    /** {@code guestsSeeNull}: a storefront token alone is let through (the field answers null). */
    record Customer(boolean guestsSeeNull) implements Declared {
    }

    /** A kind of caller, how to build its client for the target store, and what it may call. */
    record Principal(String name, Function<Declared, GraphQL> client, Predicate<Declared> allowed) {
    }

    static final Set<Scope> APP_GRANTABLE = EnumSet.complementOf(EnumSet.of(Scope.MANAGE_STAFF));

    @Test
    void everyOperationIsDeclaredAndSampled() {
        Set<String> served = servedOperations();
        Map<String, Declared> declared = declaredOperations();

        assertThat(declared.keySet()).as("every served operation has a resolver with one access annotation")
                .containsExactlyInAnyOrderElementsOf(served);
        assertThat(SAMPLES.keySet()).as("every served operation has a row in SAMPLES, and no row is stale")
                .containsExactlyInAnyOrderElementsOf(served);
    }

    @Test
    void everyPrincipalIsAllowedOrDeniedExactlyAsEachOperationDeclares() {
        TestStore store = TestStores.create("matrix");
        TestStore other = TestStores.create("matrix-other");
        Map<String, Declared> declared = declaredOperations();
        List<Principal> principals = principals(store, other);

        List<String> mismatches = new ArrayList<>();
        int calls = 0;
        for (var operation : new TreeMap<>(declared).entrySet()) {
            Sample sample = SAMPLES.get(operation.getKey());
            assertThat(sample).as("sample for %s", operation.getKey()).isNotNull();
            for (Principal principal : principals) {
                GraphQL client = principal.client().apply(operation.getValue());
                if (client == null) {
                    continue; // this principal cannot exist for this operation (e.g. an app holding manage_staff)
                }
                boolean expected = principal.allowed().test(operation.getValue());
                Response response = client.post(sample.document(), sample.variables().apply(store));
                calls++;
                String outcome = outcome(response, operation.getKey());
                boolean ok = expected ? outcome.equals("allowed") : outcome.equals("denied");
                if (!ok) {
                    mismatches.add(operation.getKey() + " (" + operation.getValue() + ") as " + principal.name()
                            + ": expected " + (expected ? "allowed" : "denied") + " but was " + outcome);
                }
            }
        }
        assertThat(mismatches).as("after %d calls", calls).isEmpty();
        assertThat(calls).isGreaterThan(declared.size() * 10);
    }

    /** "allowed": no error at all; "denied": HTTP 401 or an UNAUTHENTICATED/FORBIDDEN error; anything else is shown. */
    private static String outcome(Response response, String operation) {
        if (response.statusCode() == 401) {
            return "denied";
        }
        if (response.statusCode() != 200) {
            return "HTTP " + response.statusCode();
        }
        JsonPath body = response.jsonPath();
        List<String> codes = body.getList("errors.extensions.code");
        if (codes == null || codes.isEmpty()) {
            // A nullable lookup (node, product, collection) of an unknown id answers null: still allowed.
            return body.getMap("data") == null || !body.getMap("data").containsKey(operation) ? "no data" : "allowed";
        }
        if (codes.stream().allMatch(c -> c.equals("UNAUTHENTICATED") || c.equals("FORBIDDEN"))) {
            return body.get("data") == null || body.get("data." + operation) == null ? "denied" : "denied but data returned";
        }
        return "errors " + codes;
    }

    private static List<Principal> principals(TestStore store, TestStore other) {
        List<Principal> all = new ArrayList<>();
        all.add(new Principal("anonymous", d -> GraphQL.anonymous(), d -> false));
        all.add(new Principal("storefront token", d -> store.storefront(),
                d -> d instanceof Storefront || d instanceof Shared || d instanceof Customer c && c.guestsSeeNull()));
        String customerToken = customerToken(store);
        String otherCustomerToken = customerToken(other);
        all.add(new Principal("customer (storefront + customer token)", d -> store.storefront().header("X-Customer-Token", customerToken),
                d -> d instanceof Storefront || d instanceof Shared || d instanceof Customer));
        all.add(new Principal("customer token without storefront token", d -> GraphQL.anonymous().header("X-Customer-Token", customerToken),
                d -> false));
        all.add(new Principal("customer token with another store's storefront token",
                d -> other.storefront().header("X-Customer-Token", customerToken),
                d -> d instanceof Storefront || d instanceof Shared));
        all.add(new Principal("other store's customer with this store's storefront token",
                d -> store.storefront().header("X-Customer-Token", otherCustomerToken),
                d -> d instanceof Storefront || d instanceof Shared));
        for (StaffRole role : StaffRole.values()) {
            String subject = role == StaffRole.OWNER ? store.ownerSubject() : addMember(store, role);
            all.add(new Principal("staff " + role, d -> bearer(LocalOidcIssuer.token(subject), store),
                    d -> d instanceof Shared s && s.grantedBy(role.scopes()) || d instanceof Merchant m && role.scopes().contains(m.scope())));
        }
        Map<Set<Scope>, String> apps = new HashMap<>();
        all.add(new Principal("partner app with the scope", d -> {
            if (d instanceof Merchant m && !APP_GRANTABLE.contains(m.scope())) {
                return null;
            }
            Set<Scope> scopes = d instanceof Merchant m ? EnumSet.of(m.scope()) : APP_GRANTABLE;
            return app(apps.computeIfAbsent(scopes, s -> install(store, s)), store);
        }, d -> d instanceof Shared || d instanceof Merchant));
        all.add(new Principal("partner app without the scope", d -> {
            Set<Scope> scopes = EnumSet.copyOf(APP_GRANTABLE);
            if (d instanceof Merchant m) {
                scopes.remove(m.scope());
            }
            if (d instanceof Shared s && s.merchantScope() != null) {
                scopes.remove(s.merchantScope());
            }
            return app(apps.computeIfAbsent(scopes, s -> install(store, s)), store);
        }, d -> d instanceof Shared s && s.merchantScope() == null));
        all.add(new Principal("other store's owner with X-Store-Id", d -> bearer(LocalOidcIssuer.token(other.ownerSubject()), store),
                d -> false));
        all.add(new Principal("platform operator", d -> bearer(LocalOidcIssuer.token(Map.of("sub", "operator-matrix",
                "groups", List.of("platform-operator"))), store), d -> d instanceof Platform));
        String owner = store.ownerSubject();
        long past = Instant.now().minusSeconds(3600).getEpochSecond();
        all.add(new Principal("expired owner token", d -> bearer(LocalOidcIssuer.token(Map.of("sub", owner, "exp", past,
                "iat", past - 60, "groups", List.of("platform-operator"))), store), d -> false));
        all.add(new Principal("owner token from another issuer", d -> bearer(LocalOidcIssuer.token(Map.of("sub", owner,
                "iss", "http://127.0.0.1:1/issuer", "groups", List.of("platform-operator"))), store), d -> false));
        all.add(new Principal("owner token signed by another key", d -> bearer(LocalOidcIssuer.tokenSignedByAnotherKey(owner), store),
                d -> false));
        all.add(new Principal("owner token for another audience", d -> bearer(LocalOidcIssuer.token(Map.of("sub", owner,
                "aud", "another-api", "groups", List.of("platform-operator"))), store), d -> false));
        all.add(new Principal("unsigned owner token", d -> bearer(LocalOidcIssuer.unsignedToken(owner), store), d -> false));
        return all;
    }

    private static String customerToken(TestStore store) {
        String email = unique("matrix-customer") + "@example.com";
        store.storefront().execute("mutation($i: CustomerCreateInput!) { customerCreate(input: $i) { userErrors { code } } }",
                Map.of("i", Map.of("email", email, "password", "matrix password")));
        String token = store.storefront().execute("mutation($i: CustomerAccessTokenCreateInput!) { customerAccessTokenCreate(input: $i) { "
                + "customerAccessToken { accessToken } } }", Map.of("i", Map.of("email", email, "password", "matrix password")))
                .getString("data.customerAccessTokenCreate.customerAccessToken.accessToken");
        assertThat(token).isNotNull();
        return token;
    }

    private static GraphQL bearer(String token, TestStore store) {
        return GraphQL.merchant(token).store(store.shopId());
    }

    private static GraphQL app(String clientId, TestStore store) {
        return bearer(LocalOidcIssuer.token(Map.of("sub", "service-account-" + clientId, "azp", clientId)), store);
    }

    private static String addMember(TestStore store, StaffRole role) {
        String subject = unique("matrix-" + role.name().toLowerCase());
        JsonPath body = store.owner().execute("mutation($i: StaffMemberAddInput!) { staffMemberAdd(input: $i) { userErrors { code } } }",
                Map.of("i", Map.of("issuer", LocalOidcIssuer.issuer(), "subject", subject, "role", role.name())));
        assertThat(body.getList("data.staffMemberAdd.userErrors")).isEmpty();
        return subject;
    }

    private static String install(TestStore store, Set<Scope> scopes) {
        String clientId = unique("matrix-app");
        JsonPath body = store.owner().execute("mutation($i: AppInstallInput!) { appInstall(input: $i) { userErrors { code } } }",
                Map.of("i", Map.of("clientId", clientId, "scopes", scopes.stream().map(Enum::name).toList())));
        assertThat(body.getList("data.appInstall.userErrors")).isEmpty();
        return clientId;
    }

    /** The root fields of Query and Mutation in the schema the application serves. */
    static Set<String> servedOperations() {
        String sdl = given().get("/graphql/schema.graphql").then().statusCode(200).extract().asString();
        Set<String> names = new TreeSet<>();
        for (String root : List.of("Query", "Mutation")) {
            Matcher block = Pattern.compile("(?ms)^type " + root + " \\{\\n(.*?)^\\}").matcher(sdl);
            if (block.find()) {
                Matcher field = Pattern.compile("(?m)^  ([A-Za-z_][A-Za-z0-9_]*)\\s*[(:]").matcher(block.group(1));
                while (field.find()) {
                    names.add(field.group(1));
                }
            }
        }
        assertThat(names).contains("shop", "node");
        return names;
    }

    /** Each @Query/@Mutation resolver's declaration, from its access annotation (exactly one). */
    static Map<String, Declared> declaredOperations() {
        Map<String, Declared> declared = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.shopgraph")
                .stream().filter(c -> c.isAnnotatedWith(GraphQLApi.class)).map(JavaClass::reflect)
                .flatMap(c -> Stream.of(c.getDeclaredMethods()))
                .forEach(method -> name(method).ifPresent(name -> {
                    List<Declared> found = declarationsOf(method);
                    if (found.size() != 1) {
                        problems.add(name + " declares " + found.size() + " access annotations");
                    } else {
                        declared.put(name, found.get(0));
                    }
                }));
        assertThat(problems).isEmpty();
        return declared;
    }

    private static java.util.Optional<String> name(Method method) {
        Query query = method.getAnnotation(Query.class);
        Mutation mutation = method.getAnnotation(Mutation.class);
        String value = query != null ? query.value() : mutation != null ? mutation.value() : null;
        if (value == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(value.isEmpty() ? method.getName() : value);
    }

    private static List<Declared> declarationsOf(Method method) {
        List<Declared> found = new ArrayList<>();
        if (method.isAnnotationPresent(StorefrontOperation.class)) {
            found.add(new Storefront());
        }
        if (method.isAnnotationPresent(SharedOperation.class)) {
            Scope[] scope = method.getAnnotation(SharedOperation.class).merchantScope();
            found.add(new Shared(scope.length == 0 ? null : scope[0]));
        }
        if (method.isAnnotationPresent(MerchantOperation.class)) {
            found.add(new Merchant(method.getAnnotation(MerchantOperation.class).value()));
        }
        if (method.isAnnotationPresent(CustomerOperation.class)) {
            found.add(new Customer(method.getAnnotation(CustomerOperation.class).guestsSeeNull()));
        }
        if (method.isAnnotationPresent(PlatformOperation.class)) {
            found.add(new Platform());
        }
        return found;
    }

    @SuppressWarnings("unused")
    private static String describe(Map<String, Declared> declared) {
        return declared.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }
}
