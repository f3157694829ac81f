package io.shopgraph.platform.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.shopgraph.testing.GraphQL;
import io.shopgraph.testing.TestStores;
import io.shopgraph.testing.TestStores.TestStore;

/**
 * Schema-driven cross-tenant test: every root operation of the served schema that takes an id
 * (an ID argument, an `ids` list, or an input type with an ID field) is called by store A's
 * principals with store B's ids. No response may contain anything of B, and B's data must be
 * unchanged afterwards. A new id-taking operation without a row in {@link #CALLS} fails the test.
 */
@QuarkusTest
class CrossTenantTest {

    /** What store B owns, as the attacker in store A would pass it. */
    record Victim(TestStore store, String storefrontTokenId, String ownerMemberId, String appId, String appClientId,
            String addressId, String customerToken, String productId, String variantId, String collectionId) {

        List<String> ids() {
            return List.of(store.shopId(), storefrontTokenId, ownerMemberId, appId, addressId, productId, variantId, collectionId);
        }
    }

    /** Who calls from store A: its owner, or its signed-in customer (customer operations). */
    enum Caller {
        OWNER, CUSTOMER
    }

    record Call(Caller caller, String document, java.util.function.BiFunction<Victim, TestStore, Map<String, Object>> variables) {
    }

    static final String PRODUCT_BY_ID = "query($id: ID!) { product(id: $id) { id title handle variants { nodes { id sku } } } }";
    static final String COLLECTION_BY_ID = "query($id: ID!) { collection(id: $id) { id title products(first: 10) { nodes { id title } } } }";
    static final String ADD_TO_COLLECTION = "mutation($id: ID!, $ids: [String!]!) { collectionAddProducts(id: $id, productIds: $ids) { "
            + "collection { id title products(first: 10) { nodes { id title } } } userErrors { code } } }";
    static final String REORDER = "mutation($id: ID!, $m: [MoveInput!]!) { collectionReorderProducts(id: $id, moves: $m) { "
            + "collection { id title products(first: 10) { nodes { id title } } } userErrors { code } } }";
    static final String CREATE_PRODUCT = "mutation($i: ProductCreateInput!) { productCreate(input: $i) { "
            + "product { id variants { nodes { id } } } userErrors { code message } } }";

    static final String VARIANTS_CREATE = "mutation($p: ID!, $v: [ProductVariantInput!]!) { productVariantsBulkCreate(productId: $p, "
            + "variants: $v) { product { id title } productVariants { id sku } userErrors { code message } } }";
    static final String VARIANTS_UPDATE = "mutation($p: ID!, $v: [ProductVariantUpdateInput!]!) { productVariantsBulkUpdate(productId: $p, "
            + "variants: $v) { product { id title } productVariants { id sku } userErrors { code message } } }";
    static final String VARIANTS_DELETE = "mutation($p: ID!, $v: [String!]!) { productVariantsBulkDelete(productId: $p, variantIds: $v) { "
            + "product { id title } deletedVariantIds userErrors { code message } } }";
    static final String MEDIA_ADD = "mutation($p: ID!, $m: [ProductMediaAddInput!]!) { productMediaAdd(productId: $p, media: $m) { "
            + "product { id title } media { id url } userErrors { code message } } }";
    static final String MEDIA_REMOVE = "mutation($p: ID!, $m: [String!]!) { productMediaRemove(productId: $p, mediaIds: $m) { "
            + "product { id title } deletedMediaIds userErrors { code message } } }";
    static final String MEDIA_REORDER = "mutation($p: ID!, $m: ID!) { productMediaReorder(productId: $p, moves: [{id: $m, newPosition: 0}]) { "
            + "product { id title images { id } } media { id url } userErrors { code message } } }";

    static final String CART_BY_ID = "query($id: ID!) { cart(id: $id) { id note attributes { key value } buyerIdentity { email } "
            + "discountCodes { code applicable } cost { totalAmount { amount } } shippingAddress { city countryCode } "
            + "deliveryOptions { handle selected } "
            + "lines { nodes { id quantity merchandise { id title sku } } } warnings { target } } }";
    static final String CART_ADD = "mutation($c: ID!, $v: ID!) { cartLinesAdd(cartId: $c, lines: [{merchandiseId: $v}]) { "
            + "cart { id lines { nodes { id merchandise { id title } } } } userErrors { code } } }";
    static final String CART_UPDATE = "mutation($c: ID!, $l: ID!) { cartLinesUpdate(cartId: $c, lines: [{id: $l, quantity: 5}]) { "
            + "cart { id lines { nodes { id quantity } } } userErrors { code } } }";
    static final String CART_REMOVE = "mutation($c: ID!, $l: String!) { cartLinesRemove(cartId: $c, lineIds: [$l]) { "
            + "cart { id lines { nodes { id } } } userErrors { code } } }";
    static final String CART_BUYER = "mutation($c: ID!, $b: CartBuyerIdentityInput!) { cartBuyerIdentityUpdate(cartId: $c, "
            + "buyerIdentity: $b) { cart { id buyerIdentity { email } lines { nodes { id } } } userErrors { code } } }";

    static final String CART_ADD_SLOT = "mutation($c: ID!, $v: ID!, $s: ID!) { cartLinesAdd(cartId: $c, lines: [{merchandiseId: $v, "
            + "bookingSlotId: $s}]) { cart { id lines { nodes { id bookingSlot { id startsAt } merchandise { id title } } } } userErrors { code } } }";

    /** B's cart with one line of B's product (kept beside Victim, so the record stays as other modules use it). */
    record VictimCart(String cartId, String lineId) {
    }

    private static final Map<TestStore, VictimCart> VICTIM_CARTS = new java.util.concurrent.ConcurrentHashMap<>();

    private static VictimCart victimCart(Victim v) {
        return VICTIM_CARTS.computeIfAbsent(v.store(), s -> {
            var body = s.storefront().execute("mutation($v: ID!) { cartCreate(input: {note: \"Victim cart note\", lines: "
                    + "[{merchandiseId: $v, quantity: 2}]}) { cart { id lines { nodes { id } } } } }", Map.of("v", v.variantId()));
            return new VictimCart(body.getString("data.cartCreate.cart.id"), body.getString("data.cartCreate.cart.lines.nodes[0].id"));
        });
    }

    /** A cart of the attacking store. */
    private static String ownCart(TestStore attacker) {
        return attacker.storefront().execute("mutation { cartCreate { cart { id } } }").getString("data.cartCreate.cart.id");
    }

    /** The id of B's product's image, read by B's owner (not kept in Victim, so the record stays as other modules use it). */
    private static String victimImage(Victim v) {
        return v.store().owner().execute(PRODUCT_IMAGES, Map.of("id", v.productId())).getString("data.product.images[0].id");
    }

    static final String PRODUCT_IMAGES = "query($id: ID!) { product(id: $id) { images { id } } }";

    /** THE table of id-taking operations: one row each (other modules add theirs). */
    static final Map<String, List<Call>> CALLS = Map.ofEntries(
            Map.entry("node", List.of(new Call(Caller.OWNER, "query($id: ID!) { node(id: $id) { id } }", (v, a) -> Map.of("id", v.store().shopId())),
                    new Call(Caller.OWNER, "query($id: ID!) { node(id: $id) { id } }", (v, a) -> Map.of("id", v.storefrontTokenId())),
                    new Call(Caller.CUSTOMER, "query($id: ID!) { node(id: $id) { id } }", (v, a) -> Map.of("id", v.store().shopId())))),
            Map.entry("nodes", List.of(new Call(Caller.OWNER, "query($ids: [String!]!) { nodes(ids: $ids) { id } }", (v, a) -> Map.of("ids", v.ids())),
                    new Call(Caller.CUSTOMER, "query($ids: [String!]!) { nodes(ids: $ids) { id } }", (v, a) -> Map.of("ids", v.ids())))),
            Map.entry("storefrontAccessTokenRevoke", List.of(new Call(Caller.OWNER,
                    "mutation($id: ID!) { storefrontAccessTokenRevoke(id: $id) { storefrontAccessToken { id } userErrors { code } } }",
                    (v, a) -> Map.of("id", v.storefrontTokenId())))),
            Map.entry("storefrontAccessTokenUpdate", List.of(new Call(Caller.OWNER,
                    "mutation($id: ID!) { storefrontAccessTokenUpdate(id: $id, input: {title: \"Pirate\", allowedOrigins: "
                            + "[\"https://pirate.example\"]}) { storefrontAccessToken { id title } userErrors { code } } }",
                    (v, a) -> Map.of("id", v.storefrontTokenId())))),
            Map.entry("staffMemberUpdateRole", List.of(new Call(Caller.OWNER,
                    "mutation($id: ID!) { staffMemberUpdateRole(id: $id, role: SUPPORT) { staffMember { id subject } userErrors { code } } }",
                    (v, a) -> Map.of("id", v.ownerMemberId())))),
            Map.entry("staffMemberRemove", List.of(new Call(Caller.OWNER,
                    "mutation($id: ID!) { staffMemberRemove(id: $id) { removedStaffMemberId userErrors { code } } }",
                    (v, a) -> Map.of("id", v.ownerMemberId())))),
            Map.entry("appUpdateScopes", List.of(new Call(Caller.OWNER,
                    "mutation($id: ID!) { appUpdateScopes(id: $id, scopes: [READ_ORDERS]) { appInstallation { id clientId } userErrors { code } } }",
                    (v, a) -> Map.of("id", v.appId())))),
            Map.entry("appUninstall", List.of(new Call(Caller.OWNER,
                    "mutation($id: ID!) { appUninstall(id: $id) { appInstallation { id clientId } userErrors { code } } }",
                    (v, a) -> Map.of("id", v.appId())))),
            Map.entry("customerAddressUpdate", List.of(new Call(Caller.CUSTOMER,
                    "mutation($id: ID!) { customerAddressUpdate(id: $id, address: {address1: \"x\", city: \"Hacked\", countryCode: \"FR\"}) { "
                            + "customerAddress { id city } userErrors { code } } }",
                    (v, a) -> Map.of("id", v.addressId())))),
            Map.entry("customerAddressDelete", List.of(new Call(Caller.CUSTOMER,
                    "mutation($id: ID!) { customerAddressDelete(id: $id) { deletedCustomerAddressId userErrors { code } } }",
                    (v, a) -> Map.of("id", v.addressId())))),
            Map.entry("customerDefaultAddressUpdate", List.of(new Call(Caller.CUSTOMER,
                    "mutation($id: ID!) { customerDefaultAddressUpdate(addressId: $id) { customer { id addresses { id city } } userErrors { code } } }",
                    (v, a) -> Map.of("id", v.addressId())))),
            // catalog and inventory
            Map.entry("product", List.of(new Call(Caller.OWNER, PRODUCT_BY_ID, (v, a) -> Map.of("id", v.productId())),
                    new Call(Caller.CUSTOMER, PRODUCT_BY_ID, (v, a) -> Map.of("id", v.productId())))),
            Map.entry("collection", List.of(new Call(Caller.OWNER, COLLECTION_BY_ID, (v, a) -> Map.of("id", v.collectionId())),
                    new Call(Caller.CUSTOMER, COLLECTION_BY_ID, (v, a) -> Map.of("id", v.collectionId())))),
            Map.entry("productUpdate", List.of(new Call(Caller.OWNER,
                    "mutation($id: ID!) { productUpdate(id: $id, input: {title: \"Hacked\", status: ARCHIVED}) { product { id title } userErrors { code } } }",
                    (v, a) -> Map.of("id", v.productId())))),
            Map.entry("productDelete", List.of(new Call(Caller.OWNER,
                    "mutation($id: ID!) { productDelete(id: $id) { userErrors { code } } }", (v, a) -> Map.of("id", v.productId())))),
            Map.entry("collectionAddProducts", List.of(
                    new Call(Caller.OWNER, ADD_TO_COLLECTION, (v, a) -> Map.of("id", v.collectionId(), "ids", List.of(ownProduct(a)))),
                    new Call(Caller.OWNER, ADD_TO_COLLECTION, (v, a) -> Map.of("id", ownCollection(a), "ids", List.of(v.productId()))))),
            Map.entry("collectionRemoveProducts", List.of(new Call(Caller.OWNER,
                    "mutation($id: ID!, $ids: [String!]!) { collectionRemoveProducts(id: $id, productIds: $ids) { "
                            + "collection { id title } userErrors { code } } }",
                    (v, a) -> Map.of("id", v.collectionId(), "ids", List.of(v.productId()))))),
            Map.entry("collectionDelete", List.of(new Call(Caller.OWNER,
                    "mutation($id: ID!) { collectionDelete(id: $id) { userErrors { code } } }", (v, a) -> Map.of("id", v.collectionId())))),
            Map.entry("collectionUpdate", List.of(new Call(Caller.OWNER,
                    "mutation($id: ID!) { collectionUpdate(id: $id, input: {title: \"Hacked\", handle: \"hacked\"}) { "
                            + "collection { id title products(first: 10) { nodes { id title } } } userErrors { code } } }",
                    (v, a) -> Map.of("id", v.collectionId())))),
            Map.entry("collectionReorderProducts", List.of(
                    new Call(Caller.OWNER, REORDER, (v, a) -> Map.of("id", v.collectionId(), "m", List.of(Map.of("productId", v.productId(), "newPosition", 0)))),
                    new Call(Caller.OWNER, REORDER, (v, a) -> Map.of("id", ownCollection(a), "m", List.of(Map.of("productId", v.productId(), "newPosition", 0)))))),
            Map.entry("inventorySetQuantities", List.of(new Call(Caller.OWNER,
                    "mutation($v: ID!) { inventorySetQuantities(input: {quantities: [{variantId: $v, compareQuantity: 7, quantity: 0}]}) { "
                            + "userErrors { code } } }",
                    (v, a) -> Map.of("v", v.variantId())))),
            Map.entry("inventoryAdjustQuantities", List.of(new Call(Caller.OWNER,
                    "mutation($v: ID!) { inventoryAdjustQuantities(input: {reason: SHRINKAGE, changes: [{variantId: $v, delta: -7}]}) { "
                            + "stockLevels { variantId onHand } userErrors { code } } }",
                    (v, a) -> Map.of("v", v.variantId())))),
            Map.entry("productTranslationsSet", List.of(new Call(Caller.OWNER, "mutation($id: ID!) { productTranslationsSet(productId: $id, "
                    + "translations: [{locale: \"fr\", title: \"Pirate\"}]) { product { id title } userErrors { code } } }",
                    (v, a) -> Map.of("id", v.productId())))),
            Map.entry("productTranslationsRemove", List.of(new Call(Caller.OWNER, "mutation($id: ID!) { productTranslationsRemove("
                    + "productId: $id, locales: [\"fr\"]) { product { id title translations { locale title } } userErrors { code } } }",
                    (v, a) -> Map.of("id", v.productId())))),
            Map.entry("collectionTranslationsSet", List.of(new Call(Caller.OWNER, "mutation($id: ID!) { collectionTranslationsSet("
                    + "collectionId: $id, translations: [{locale: \"fr\", title: \"Pirate\"}]) { collection { id title } userErrors { code } } }",
                    (v, a) -> Map.of("id", v.collectionId())))),
            Map.entry("collectionTranslationsRemove", List.of(new Call(Caller.OWNER, "mutation($id: ID!) { collectionTranslationsRemove("
                    + "collectionId: $id, locales: [\"fr\"]) { collection { id title translations { locale title } } userErrors { code } } }",
                    (v, a) -> Map.of("id", v.collectionId())))),
            // catalog: variants and media of B's product, through B's product id or through A's own product
            Map.entry("productVariantsBulkCreate", List.of(new Call(Caller.OWNER, VARIANTS_CREATE,
                    (v, a) -> Map.of("p", v.productId(), "v", List.of(Map.of("price", "0.01", "sku", "XT-" + UUID.randomUUID())))))),
            Map.entry("productVariantsBulkUpdate", List.of(
                    new Call(Caller.OWNER, VARIANTS_UPDATE, (v, a) -> Map.of("p", v.productId(), "v", List.of(Map.of("id", v.variantId(), "price", "0.01")))),
                    new Call(Caller.OWNER, VARIANTS_UPDATE, (v, a) -> Map.of("p", ownProduct(a), "v", List.of(Map.of("id", v.variantId(), "price", "0.01")))))),
            Map.entry("productVariantsBulkDelete", List.of(
                    new Call(Caller.OWNER, VARIANTS_DELETE, (v, a) -> Map.of("p", v.productId(), "v", List.of(v.variantId()))),
                    new Call(Caller.OWNER, VARIANTS_DELETE, (v, a) -> Map.of("p", ownProduct(a), "v", List.of(v.variantId()))))),
            Map.entry("productMediaAdd", List.of(
                    new Call(Caller.OWNER, MEDIA_ADD, (v, a) -> Map.of("p", v.productId(), "m", List.of(Map.of("url", "https://xt.example/a.jpg")))),
                    new Call(Caller.OWNER, MEDIA_ADD, (v, a) -> Map.of("p", ownProduct(a),
                            "m", List.of(Map.of("url", "https://xt.example/a.jpg", "variantId", v.variantId())))))),
            Map.entry("productMediaRemove", List.of(
                    new Call(Caller.OWNER, MEDIA_REMOVE, (v, a) -> Map.of("p", v.productId(), "m", List.of(victimImage(v)))),
                    new Call(Caller.OWNER, MEDIA_REMOVE, (v, a) -> Map.of("p", ownProduct(a), "m", List.of(victimImage(v)))))),
            // cart and sessions: B's cart and lines through A's storefront (and A's own cart), B's variants in A's carts
            Map.entry("cart", List.of(new Call(Caller.CUSTOMER, CART_BY_ID, (v, a) -> Map.of("id", victimCart(v).cartId())))),
            Map.entry("cartCreate", List.of(new Call(Caller.CUSTOMER, "mutation($v: ID!) { cartCreate(input: {lines: [{merchandiseId: $v}]}) { "
                    + "cart { id lines { nodes { merchandise { id title } } } } userErrors { code } } }", (v, a) -> Map.of("v", v.variantId())))),
            Map.entry("cartLinesAdd", List.of(
                    new Call(Caller.CUSTOMER, CART_ADD, (v, a) -> Map.of("c", victimCart(v).cartId(), "v", v.variantId())),
                    new Call(Caller.CUSTOMER, CART_ADD, (v, a) -> Map.of("c", ownCart(a), "v", v.variantId())),
                    new Call(Caller.CUSTOMER, CART_ADD_SLOT, (v, a) -> Map.of("c", ownCart(a), "v", ownService(a), "s", victimBooking(v)[0])),
                    new Call(Caller.CUSTOMER, CART_ADD_SLOT, (v, a) -> Map.of("c", ownCart(a), "v", victimBooking(v)[2], "s", victimBooking(v)[0])))),
            Map.entry("cartLinesUpdate", List.of(
                    new Call(Caller.CUSTOMER, CART_UPDATE, (v, a) -> Map.of("c", victimCart(v).cartId(), "l", victimCart(v).lineId())),
                    new Call(Caller.CUSTOMER, CART_UPDATE, (v, a) -> Map.of("c", ownCart(a), "l", victimCart(v).lineId())))),
            Map.entry("cartLinesRemove", List.of(
                    new Call(Caller.CUSTOMER, CART_REMOVE, (v, a) -> Map.of("c", victimCart(v).cartId(), "l", victimCart(v).lineId())),
                    new Call(Caller.CUSTOMER, CART_REMOVE, (v, a) -> Map.of("c", ownCart(a), "l", victimCart(v).lineId())))),
            Map.entry("cartNoteUpdate", List.of(new Call(Caller.CUSTOMER, "mutation($c: ID!) { cartNoteUpdate(cartId: $c, note: \"Hacked\") { "
                    + "cart { id note } userErrors { code } } }", (v, a) -> Map.of("c", victimCart(v).cartId())))),
            Map.entry("cartAttributesUpdate", List.of(new Call(Caller.CUSTOMER, "mutation($c: ID!) { cartAttributesUpdate(cartId: $c, "
                    + "attributes: [{key: \"hacked\", value: \"yes\"}]) { cart { id attributes { key } } userErrors { code } } }",
                    (v, a) -> Map.of("c", victimCart(v).cartId())))),
            Map.entry("cartBuyerIdentityUpdate", List.of(
                    new Call(Caller.CUSTOMER, CART_BUYER, (v, a) -> Map.of("c", victimCart(v).cartId(), "b", Map.of("email", "hacker@evil.example"))),
                    new Call(Caller.CUSTOMER, CART_BUYER, (v, a) -> Map.of("c", ownCart(a), "b", Map.of("customerAccessToken", v.customerToken()))))),
            Map.entry("cartDiscountCodesUpdate", List.of(new Call(Caller.CUSTOMER, "mutation($c: ID!) { cartDiscountCodesUpdate(cartId: $c, "
                    + "discountCodes: [\"HACKED\"]) { cart { id discountCodes { code } } userErrors { code } } }",
                    (v, a) -> Map.of("c", victimCart(v).cartId())))),
            Map.entry("cartShippingAddressUpdate", List.of(new Call(Caller.CUSTOMER, "mutation($c: ID!) { cartShippingAddressUpdate(cartId: $c, "
                    + "address: {city: \"Hacked\", countryCode: \"FR\"}) { cart { id shippingAddress { city } } userErrors { code } } }",
                    (v, a) -> Map.of("c", victimCart(v).cartId())))),
            Map.entry("cartSelectedDeliveryOptionUpdate", List.of(new Call(Caller.CUSTOMER, "mutation($c: ID!) { "
                    + "cartSelectedDeliveryOptionUpdate(cartId: $c, deliveryOptionHandle: \"x\") { cart { id } userErrors { code } } }",
                    (v, a) -> Map.of("c", victimCart(v).cartId())))),
            Map.entry("discountCreate", List.of(new Call(Caller.OWNER, "mutation($p: ID!) { discountCreate(input: {title: \"Pirate\", "
                    + "kind: PERCENTAGE, percentage: \"50\", productIds: [$p]}) { discount { id title } userErrors { code } } }",
                    (v, a) -> Map.of("p", v.productId())))),
            Map.entry("discount", List.of(new Call(Caller.OWNER, "query($id: ID!) { discount(id: $id) { id code title usedCount } "
                    + "node(id: $id) { id } }", (v, a) -> Map.of("id", victimDiscount(v))))),
            Map.entry("sessionEventRecord", List.of(new Call(Caller.CUSTOMER, "mutation($p: ID!) { sessionEventRecord(event: "
                    + "{type: PRODUCT_VIEWED, subjectId: $p}) { recorded userErrors { code } } }", (v, a) -> Map.of("p", v.productId())))),
            Map.entry("productVariantLineAttributesSet", List.of(new Call(Caller.OWNER, "mutation($v: ID!) { productVariantLineAttributesSet("
                    + "variantId: $v, lineAttributes: [{key: \"hacked\", type: TEXT}]) { lineAttributes { key } userErrors { code } } }",
                    (v, a) -> Map.of("v", v.variantId())))),
            Map.entry("productMediaReorder", List.of(
                    new Call(Caller.OWNER, MEDIA_REORDER, (v, a) -> Map.of("p", v.productId(), "m", victimImage(v))),
                    new Call(Caller.OWNER, MEDIA_REORDER, (v, a) -> Map.of("p", ownProduct(a), "m", victimImage(v))))),
            // webhooks: B's subscription and delivery (made in victim(); see victimWebhook)
            Map.entry("webhookDeliveries", List.of(new Call(Caller.OWNER, "query($s: ID!) { webhookDeliveries(subscriptionId: $s, first: 10) { "
                    + "nodes { id eventId status attempts { statusCode } } } }", (v, a) -> Map.of("s", victimWebhook(v)[0])))),
            Map.entry("webhookSubscriptionUpdate", List.of(new Call(Caller.OWNER, "mutation($id: ID!, $u: String) { webhookSubscriptionUpdate("
                    + "id: $id, input: {callbackUrl: $u}) { webhookSubscription { id callbackUrl } userErrors { code } } }",
                    (v, a) -> Map.of("id", victimWebhook(v)[0], "u", io.shopgraph.webhooks.WebhookReceiver.shared().url("/ok/hijacked"))))),
            Map.entry("webhookSubscriptionDelete", List.of(new Call(Caller.OWNER, "mutation($id: ID!) { webhookSubscriptionDelete(id: $id) { "
                    + "deletedWebhookSubscriptionId userErrors { code } } }", (v, a) -> Map.of("id", victimWebhook(v)[0])))),
            Map.entry("webhookSubscriptionRotateSecret", List.of(new Call(Caller.OWNER, "mutation($id: ID!) { webhookSubscriptionRotateSecret("
                    + "id: $id) { secret webhookSubscription { id } userErrors { code } } }", (v, a) -> Map.of("id", victimWebhook(v)[0])))),
            Map.entry("webhookDeliveryReplay", List.of(new Call(Caller.OWNER, "mutation($id: ID!) { webhookDeliveryReplay(id: $id) { "
                    + "webhookDelivery { id eventId } userErrors { code } } }", (v, a) -> Map.of("id", victimWebhook(v)[1])))),
            // checkout and orders: B's cart and B's unpaid order (see victimOrder)
            Map.entry("checkoutComplete", List.of(new Call(Caller.CUSTOMER, "mutation($c: ID!) { checkoutComplete(cartId: $c, idempotencyKey: "
                    + "\"xt\") { order { id email } orderToken userErrors { code } } }", (v, a) -> Map.of("c", victimCart(v).cartId())))),
            Map.entry("order", List.of(new Call(Caller.OWNER, "query($id: ID!) { order(id: $id) { id email note lines { title } notifications { recipient subject } } }",
                    (v, a) -> Map.of("id", victimOrder(v))))),
            Map.entry("orderMarkAsPaid", List.of(new Call(Caller.OWNER, "mutation($id: ID!) { orderMarkAsPaid(id: $id) { order { id email } "
                    + "userErrors { code } } }", (v, a) -> Map.of("id", victimOrder(v))))),
            Map.entry("orderCancel", List.of(new Call(Caller.OWNER, "mutation($id: ID!) { orderCancel(id: $id) { order { id email } "
                    + "userErrors { code } } }", (v, a) -> Map.of("id", victimOrder(v))))),
            Map.entry("orderNoteUpdate", List.of(new Call(Caller.OWNER, "mutation($id: ID!) { orderNoteUpdate(id: $id, note: \"Hacked\") { "
                    + "order { id email } userErrors { code } } }", (v, a) -> Map.of("id", victimOrder(v))))),
            Map.entry("fulfillmentCreate", List.of(new Call(Caller.OWNER, "mutation($id: ID!) { fulfillmentCreate(orderId: $id) { "
                    + "order { id email } userErrors { code } } }", (v, a) -> Map.of("id", victimOrder(v))))),
            Map.entry("refundCreate", List.of(new Call(Caller.OWNER, "mutation($id: ID!) { refundCreate(orderId: $id, input: {amount: \"1.00\"}) { "
                    + "order { id email } userErrors { code } } }", (v, a) -> Map.of("id", victimOrder(v))))),
            // digital goods: B's variant (files and keys); B's files and downloads are DigitalGoodsTest's cross-store case
            Map.entry("digitalFileUploadCreate", List.of(new Call(Caller.OWNER, "mutation($v: ID!) { digitalFileUploadCreate(variantId: $v, "
                    + "fileName: \"x.pdf\", contentType: \"application/pdf\", byteSize: 10) { file { id variantId } upload { url } "
                    + "userErrors { code } } }", (v, a) -> Map.of("v", v.variantId())))),
            Map.entry("licenseKeysAdd", List.of(new Call(Caller.OWNER, "mutation($v: ID!) { licenseKeysAdd(variantId: $v, keys: [\"XT-KEY\"]) { "
                    + "added pool { available } userErrors { code } } }", (v, a) -> Map.of("v", v.variantId())))),
            Map.entry("digitalFileDelete", List.of(new Call(Caller.OWNER, "mutation($id: ID!) { digitalFileDelete(id: $id) { deletedFileId "
                    + "userErrors { code } } }", (v, a) -> Map.of("id", "gid://shopgraph/DigitalFile/" + UUID.randomUUID())))),
            Map.entry("orderDownloadLinkResend", List.of(new Call(Caller.OWNER, "mutation($id: ID!) { orderDownloadLinkResend(downloadId: $id) { "
                    + "download { id url } userErrors { code } } }", (v, a) -> Map.of("id", "gid://shopgraph/DigitalDownload/" + UUID.randomUUID())))),
            Map.entry("orderDownloadLimitExtend", List.of(new Call(Caller.OWNER, "mutation($id: ID!) { orderDownloadLimitExtend(downloadId: $id, "
                    + "extraDownloads: 5) { download { id url } userErrors { code } } }",
                    (v, a) -> Map.of("id", "gid://shopgraph/DigitalDownload/" + UUID.randomUUID())))),
            // notifications: B's order's confirmation (queued for B's unpaid order)
            Map.entry("orderNotificationResend", List.of(new Call(Caller.OWNER, "mutation($id: ID!) { orderNotificationResend(orderId: $id, "
                    + "kind: ORDER_CONFIRMATION) { notification { id recipient } userErrors { code } } }",
                    (v, a) -> Map.of("id", victimOrder(v))))),
            Map.entry("orderBalanceRequest", List.of(new Call(Caller.OWNER, "mutation($id: ID!) { orderBalanceRequest(orderId: $id, "
                    + "idempotencyKey: \"xt\") { balanceRequest { paymentLinkToken } order { id email } userErrors { code } } }",
                    (v, a) -> Map.of("id", victimOrder(v))))),
            Map.entry("orderBalanceWaive", List.of(new Call(Caller.OWNER, "mutation($id: ID!) { orderBalanceWaive(orderId: $id, reason: \"Hacked\") { "
                    + "order { id email } userErrors { code } } }", (v, a) -> Map.of("id", victimOrder(v))))),
            // bookings: B's service variant, slots and booking (see victimBooking)
            Map.entry("bookingSlotCreate", List.of(new Call(Caller.OWNER, "mutation($v: ID!) { bookingSlotCreate(input: {variantId: $v, "
                    + "startsAt: \"2030-03-03T10:00:00Z\", durationMinutes: 30, capacity: 9}) { bookingSlot { id variantId } userErrors { code } } }",
                    (v, a) -> Map.of("v", victimBooking(v)[2])))),
            Map.entry("bookingSlotUpdate", List.of(new Call(Caller.OWNER, "mutation($id: ID!) { bookingSlotUpdate(id: $id, input: {capacity: 1}) { "
                    + "bookingSlot { id capacity variantId } userErrors { code } } }", (v, a) -> Map.of("id", victimBooking(v)[0])))),
            Map.entry("bookingSlotDelete", List.of(new Call(Caller.OWNER, "mutation($id: ID!) { bookingSlotDelete(id: $id) { "
                    + "deletedBookingSlotId userErrors { code } } }", (v, a) -> Map.of("id", victimBooking(v)[3])))),
            Map.entry("bookingMove", List.of(new Call(Caller.OWNER, "mutation($b: ID!, $s: ID!) { bookingMove(bookingId: $b, slotId: $s) { "
                    + "booking { id slot { id } } userErrors { code } } }", (v, a) -> Map.of("b", victimBooking(v)[1], "s", victimBooking(v)[3])))),
            Map.entry("bookingCancel", List.of(new Call(Caller.OWNER, "mutation($b: ID!) { bookingCancel(bookingId: $b) { "
                    + "booking { id status } userErrors { code } } }", (v, a) -> Map.of("b", victimBooking(v)[1])))));


    /** B's service: [a slot with a booking, the booking, the service variant, a second empty slot], by B's handle. */
    static final Map<String, String[]> VICTIM_BOOKINGS = new java.util.concurrent.ConcurrentHashMap<>();

    static String[] victimBooking(Victim v) {
        return VICTIM_BOOKINGS.computeIfAbsent(v.store().handle(), h -> {
            TestStore b = v.store();
            String variant = b.owner().execute(CREATE_PRODUCT, Map.of("i", Map.of("title", "Victim Session", "kind", "SERVICE", "status", "ACTIVE",
                    "publishedAt", "2020-01-01T00:00:00Z", "variants", List.of(Map.of("price", "50.00")))))
                    .getString("data.productCreate.product.variants.nodes[0].id");
            String slotQuery = "mutation($v: ID!, $t: DateTime!) { bookingSlotCreate(input: {variantId: $v, startsAt: $t, durationMinutes: 60, "
                    + "capacity: 4}) { bookingSlot { id } } }";
            String slot = b.owner().execute(slotQuery, Map.of("v", variant, "t", (java.time.LocalDate.now().getYear() + 1) + "-02-02T10:00:00Z"))
                    .getString("data.bookingSlotCreate.bookingSlot.id");
            String spare = b.owner().execute(slotQuery, Map.of("v", variant, "t", (java.time.LocalDate.now().getYear() + 1) + "-02-02T14:00:00Z"))
                    .getString("data.bookingSlotCreate.bookingSlot.id");
            String cart = b.storefront().execute("mutation($v: ID!, $s: ID!) { cartCreate(input: {lines: [{merchandiseId: $v, quantity: 2, "
                    + "bookingSlotId: $s}], buyerIdentity: {email: \"victim-buyer@victim.example\"}}) { cart { id } } }", Map.of("v", variant, "s", slot))
                    .getString("data.cartCreate.cart.id");
            String booking = b.storefront().execute("mutation($c: ID!) { checkoutComplete(cartId: $c, idempotencyKey: \"victim-booking\") { "
                    + "order { lines { booking { id } } } } }", Map.of("c", cart)).getString("data.checkoutComplete.order.lines[0].booking.id");
            assertThat(List.of(variant, slot, spare)).doesNotContainNull();
            assertThat(booking).as("B's booking").isNotNull();
            return new String[] { slot, booking, variant, spare };
        });
    }

    /** A service of the attacking store, to put B's slot on. */
    private static String ownService(TestStore attacker) {
        return attacker.owner().execute(CREATE_PRODUCT, Map.of("i", Map.of("title", "Attacker session", "kind", "SERVICE", "status", "ACTIVE",
                "publishedAt", "2020-01-01T00:00:00Z", "variants", List.of(Map.of("price", "1.00")))))
                .getString("data.productCreate.product.variants.nodes[0].id");
    }

    /** B's discount code, by B's handle. */
    private static final Map<String, String> VICTIM_DISCOUNTS = new java.util.concurrent.ConcurrentHashMap<>();

    static String victimDiscount(Victim v) {
        return VICTIM_DISCOUNTS.computeIfAbsent(v.store().handle(), h -> {
            String id = v.store().owner().execute("mutation { discountCreate(input: {code: \"VICTIMCODE\", title: \"Victim discount\", "
                    + "kind: FREE_SHIPPING}) { discount { id } } }").getString("data.discountCreate.discount.id");
            assertThat(id).as("B's discount").isNotNull();
            return id;
        });
    }

    /** B's order (unpaid, placed from its own cart), by B's handle. */
    private static final Map<String, String> VICTIM_ORDERS = new java.util.concurrent.ConcurrentHashMap<>();

    static String victimOrder(Victim v) {
        return VICTIM_ORDERS.computeIfAbsent(v.store().handle(), h -> {
            String cart = v.store().storefront().execute("mutation($v: ID!) { cartCreate(input: {lines: [{merchandiseId: $v, quantity: 1}], "
                    + "buyerIdentity: {email: \"victim-buyer@victim.example\"}}) { cart { id } } }", Map.of("v", v.variantId()))
                    .getString("data.cartCreate.cart.id");
            // B's goods ship: a pickup option (which needs no address) lets the cart check out.
            v.store().owner().execute("mutation { shippingZoneCreate(input: {name: \"Pickup\", countries: [\"DE\"], "
                    + "rates: [{title: \"Pickup\", kind: PICKUP, price: \"0\"}]}) { userErrors { code } } }");
            String pickup = v.store().storefront().post("query($c: ID!) { cart(id: $c) { deliveryOptions { handle } } }", Map.of("c", cart))
                    .jsonPath().getString("data.cart.deliveryOptions[0].handle");
            v.store().storefront().execute("mutation($c: ID!, $h: String!) { cartSelectedDeliveryOptionUpdate(cartId: $c, "
                    + "deliveryOptionHandle: $h) { userErrors { code } } }", Map.of("c", cart, "h", pickup));
            String order = v.store().storefront().execute("mutation($c: ID!) { checkoutComplete(cartId: $c, idempotencyKey: \"victim\") { "
                    + "order { id } } }", Map.of("c", cart)).getString("data.checkoutComplete.order.id");
            assertThat(order).as("B's order").isNotNull();
            return order;
        });
    }

    /** B's webhook subscription and one of its deliveries, by B's handle: [subscription id, delivery id]. */
    static final Map<String, String[]> VICTIM_WEBHOOKS = new java.util.concurrent.ConcurrentHashMap<>();

    static String[] victimWebhook(Victim v) {
        return VICTIM_WEBHOOKS.get(v.store().handle());
    }

    /** Subscribes B to its product updates and waits for one delivery. */
    private static void makeVictimWebhook(TestStore b, String productId) {
        var receiver = io.shopgraph.webhooks.WebhookReceiver.shared();
        String subscription = b.owner().execute("mutation($i: WebhookSubscriptionCreateInput!) { webhookSubscriptionCreate(input: $i) { "
                + "webhookSubscription { id } } }", Map.of("i", Map.of("topic", "PRODUCTS_UPDATE", "callbackUrl",
                        receiver.url("/ok/xt-hook-" + UUID.randomUUID())))).getString("data.webhookSubscriptionCreate.webhookSubscription.id");
        b.owner().execute("mutation($id: ID!) { productUpdate(id: $id, input: {vendor: \"Victim Vendor\"}) { userErrors { code } } }",
                Map.of("id", productId));
        String delivery = null;
        for (int i = 0; i < 600 && delivery == null; i++) {
            delivery = b.owner().execute("query($s: ID!) { webhookDeliveries(subscriptionId: $s) { nodes { id status } } }",
                    Map.of("s", subscription)).getString("data.webhookDeliveries.nodes.find { it.status == 'DELIVERED' }.id");
            if (delivery == null) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        assertThat(delivery).as("B's webhook delivery").isNotNull();
        VICTIM_WEBHOOKS.put(b.handle(), new String[] { subscription, delivery });
    }



    @Test
    void everyIdTakingOperationIsCovered() {
        assertThat(CALLS.keySet()).as("every served operation that takes an id has a row in CALLS, and no row is stale")
                .containsExactlyInAnyOrderElementsOf(idTakingOperations());
    }

    @Test
    void storeAsPrincipalsGetNothingOfStoreBAndChangeNothingThere() {
        TestStore attacker = TestStores.create("xt-a");
        Victim victim = victim();
        String attackerCustomer = customerToken(attacker, null);
        String before = snapshot(victim);
        assertThat(before).as("the snapshot sees B's data").contains("Victimville", victim.store().ownerSubject(), "READ_PRODUCTS",
                        "Victim Widget FR", "Victim Picks FR")
                .doesNotContain("errors");

        List<String> leaks = new ArrayList<>();
        for (var entry : CALLS.entrySet()) {
            for (Call call : entry.getValue()) {
                GraphQL client = call.caller() == Caller.OWNER ? attacker.owner()
                        : attacker.storefront().header("X-Customer-Token", attackerCustomer);
                String response = client.post(call.document(), call.variables().apply(victim, attacker)).asString();
                for (String secret : secrets(victim)) {
                    if (response.contains(secret)) {
                        leaks.add(entry.getKey() + " as " + call.caller() + " revealed " + secret + ": " + response);
                    }
                }
            }
        }
        assertThat(leaks).isEmpty();
        assertThat(snapshot(victim)).as("store B is unchanged").isEqualTo(before);
    }

    private static List<String> secrets(Victim v) {
        List<String> secrets = new ArrayList<>();
        for (String id : v.ids()) {
            secrets.add(id.substring(id.lastIndexOf('/') + 1));
        }
        secrets.add(v.store().handle());
        secrets.add(v.store().ownerSubject());
        secrets.add(v.appClientId());
        secrets.add("Victimville");
        secrets.add("Victim Widget");
        secrets.add("VICTIM-SKU");
        secrets.add("victim.example");
        secrets.add("Victim private note");
        secrets.add("Victim cart note");
        for (String id : List.of(victimCart(v).cartId(), victimCart(v).lineId())) {
            secrets.add(id.substring(id.lastIndexOf('/') + 1));
        }
        for (String id : victimWebhook(v)) {
            secrets.add(id.substring(id.lastIndexOf('/') + 1));
        }
        secrets.add("xt-hook");
        String order = victimOrder(v);
        secrets.add(order.substring(order.lastIndexOf('/') + 1));
        secrets.add("victim-buyer");
        String discount = victimDiscount(v);
        secrets.add(discount.substring(discount.lastIndexOf('/') + 1));
        secrets.add("VICTIMCODE");
        secrets.add("Victim discount");
        for (String id : victimBooking(v)) {
            secrets.add(id.substring(id.lastIndexOf('/') + 1));
        }
        secrets.add("Victim Session");
        return secrets;
    }

    /** Everything of B the tests could change, read by B's own principals. */
    private static String snapshot(Victim v) {
        victimBooking(v); // made on first use: before anything is read, so that both snapshots see B's service and order
        victimDiscount(v); // likewise B's discount code
        return v.store().owner().post("query($id: ID!) { order(id: $id) { id status note email totalPaid { amount } totalRefunded { amount } "
                + "fulfillments { id } refunds { id } payments { status } } }", Map.of("id", victimOrder(v))).asString()
                + v.store().storefront().post(CART_BY_ID, Map.of("id", victimCart(v).cartId())).asString()
                + v.store().owner().post("{ staffMembers { id subject role } appInstallations(includeUninstalled: true) { id scopes uninstalledAt } "
                + "storefrontAccessTokens(first: 100, includeRevoked: true) { nodes { id title revokedAt allowedOrigins } } }", Map.of()).asString()
                + v.store().storefront().header("X-Customer-Token", v.customerToken())
                        .post("{ customer { id defaultAddress { id } addresses { id city address1 isDefault } } }", Map.of()).asString()
                + v.store().owner().post("{ products(first: 10) { nodes { id title status handle variants { nodes { id sku "
                        + "quantityAvailable inventoryLevel { onHand tracked policy } } } collections { id } images { id url } priceRange { minVariantPrice { amount } } "
                        + "metafields { key value } } } collections(first: 10) { nodes { id title products(first: 10) { "
                        + "nodes { id } } } } }", Map.of()).asString()
                + v.store().owner().post("query($s: ID!) { webhookSubscriptions(first: 100) { nodes { id callbackUrl status "
                        + "previousSecretExpiresAt updatedAt } } webhookDeliveries(subscriptionId: $s, first: 100) { nodes { id status replayOf } } }",
                        Map.of("s", victimWebhook(v)[0])).asString()
                + v.store().owner().post("{ discountCodes(first: 100) { nodes { id code title status usedCount } } "
                        + "automaticDiscounts(first: 100) { nodes { id title } } }", Map.of()).asString()
                + v.store().owner().post("{ products(first: 100, locale: \"fr\") { nodes { title translations { locale title } } } "
                        + "collections(first: 100, locale: \"fr\") { nodes { title translations { locale title } } } }", Map.of()).asString()
                // Last, so that B's unpaid order (made on first use above) is already in B's order list.
                + v.store().owner().post("query($id: ID!) { node(id: $id) { ... on ProductVariant { bookingSlots(first: 10) { nodes { id "
                        + "startsAt capacity remaining } } } } }", Map.of("id", victimBooking(v)[2])).asString()
                + v.store().owner().post("{ orders(first: 20) { nodes { id lines { booking { id status quantity slot { id } } } } } }", Map.of()).asString();
    }

    private static Victim victim() {
        TestStore b = TestStores.create("xt-b");
        String tokenId = b.owner().execute("{ storefrontAccessTokens { nodes { id } } }").getString("data.storefrontAccessTokens.nodes[0].id");
        String memberId = b.owner().execute("{ staffMembers { id } }").getString("data.staffMembers[0].id");
        String clientId = "xt-app-" + UUID.randomUUID();
        String appId = b.owner().execute("mutation($i: AppInstallInput!) { appInstall(input: $i) { appInstallation { id } } }",
                Map.of("i", Map.of("clientId", clientId, "scopes", List.of("READ_PRODUCTS")))).getString("data.appInstall.appInstallation.id");
        String[] address = new String[1];
        String customerToken = customerToken(b, address);
        var product = b.owner().execute(CREATE_PRODUCT, Map.of("i", Map.of("title", "Victim Widget", "status", "ACTIVE",
                "publishedAt", "2020-01-01T00:00:00Z", "variants", List.of(Map.of("price", "10.00", "sku", "VICTIM-SKU-" + UUID.randomUUID(),
                        "inventoryQuantity", 7)), "media", List.of(Map.of("url", "https://victim.example/widget.jpg")),
                "metafields", List.of(Map.of("key", "victim_note", "value", "Victim private note")))));
        String productId = product.getString("data.productCreate.product.id");
        String variantId = product.getString("data.productCreate.product.variants.nodes[0].id");
        String collectionId = b.owner().execute("mutation { collectionCreate(input: {title: \"Victim Picks\"}) { collection { id } } }")
                .getString("data.collectionCreate.collection.id");
        b.owner().execute(ADD_TO_COLLECTION, Map.of("id", collectionId, "ids", List.of(productId)));
        b.owner().execute("mutation($p: ID!, $c: ID!) { productTranslationsSet(productId: $p, translations: [{locale: \"fr\", "
                + "title: \"Victim Widget FR\"}]) { userErrors { code } } collectionTranslationsSet(collectionId: $c, translations: "
                + "[{locale: \"fr\", title: \"Victim Picks FR\"}]) { userErrors { code } } }", Map.of("p", productId, "c", collectionId));
        makeVictimWebhook(b, productId);
        assertThat(List.of(tokenId, memberId, appId, address[0], productId, variantId, collectionId)).doesNotContainNull();
        return new Victim(b, tokenId, memberId, appId, clientId, address[0], customerToken, productId, variantId, collectionId);
    }

    /** A product of the attacking store, to push into the victim's collection. */
    private static String ownProduct(TestStore attacker) {
        return attacker.owner().execute(CREATE_PRODUCT, Map.of("i", Map.of("title", "Attacker item " + UUID.randomUUID().toString().substring(0, 8),
                "variants", List.of(Map.of("price", "1.00"))))).getString("data.productCreate.product.id");
    }

    /** A collection of the attacking store, to pull the victim's product into. */
    private static String ownCollection(TestStore attacker) {
        return attacker.owner().execute("mutation($t: String!) { collectionCreate(input: {title: $t}) { collection { id } } }",
                Map.of("t", "Attacker picks " + UUID.randomUUID())).getString("data.collectionCreate.collection.id");
    }

    private static String customerToken(TestStore store, String[] addressOut) {
        String email = "xt-" + UUID.randomUUID() + "@example.com";
        store.storefront().execute("mutation($i: CustomerCreateInput!) { customerCreate(input: $i) { userErrors { code } } }",
                Map.of("i", Map.of("email", email, "password", "xt password")));
        String token = store.storefront().execute("mutation($i: CustomerAccessTokenCreateInput!) { customerAccessTokenCreate(input: $i) { "
                + "customerAccessToken { accessToken } } }", Map.of("i", Map.of("email", email, "password", "xt password")))
                .getString("data.customerAccessTokenCreate.customerAccessToken.accessToken");
        if (addressOut != null) {
            addressOut[0] = store.storefront().header("X-Customer-Token", token).execute(
                    "mutation { customerAddressCreate(address: {address1: \"1 Victim St\", city: \"Victimville\", countryCode: \"FR\"}) { "
                            + "customerAddress { id } } }").getString("data.customerAddressCreate.customerAddress.id");
        }
        return token;
    }

    /** Root operations with an ID argument, an `ids` argument, or an input argument whose type has an ID field. */
    static Set<String> idTakingOperations() {
        String sdl = given().get("/graphql/schema.graphql").then().statusCode(200).extract().asString();
        Map<String, String> inputs = new java.util.HashMap<>();
        Matcher input = Pattern.compile("(?ms)^input (\\w+) \\{\\n(.*?)^\\}").matcher(sdl);
        while (input.find()) {
            inputs.put(input.group(1), input.group(2));
        }
        // Input types that hold an ID, directly or through nested input types.
        Set<String> inputsWithIds = new TreeSet<>();
        boolean grew = true;
        while (grew) {
            grew = false;
            for (var entry : inputs.entrySet()) {
                String fields = entry.getValue();
                boolean holdsId = Pattern.compile(":\\s*\\[?ID\\b").matcher(fields).find()
                        || inputsWithIds.stream().anyMatch(t -> Pattern.compile(":\\s*\\[?" + t + "\\b").matcher(fields).find());
                if (holdsId && inputsWithIds.add(entry.getKey())) {
                    grew = true;
                }
            }
        }
        Set<String> operations = new TreeSet<>();
        for (String root : List.of("Query", "Mutation")) {
            Matcher block = Pattern.compile("(?ms)^type " + root + " \\{\\n(.*?)^\\}").matcher(sdl);
            assertThat(block.find()).isTrue();
            Matcher field = Pattern.compile("(?ms)^  (\\w+)(\\((.*?)\\n  \\))?:").matcher(block.group(1));
            while (field.find()) {
                String args = field.group(3) == null ? "" : field.group(3);
                boolean takesId = Pattern.compile(":\\s*\\[?ID\\b").matcher(args).find()
                        || Pattern.compile("(?m)^\\s*ids\\s*:").matcher(args).find()
                        || inputsWithIds.stream().anyMatch(t -> Pattern.compile(":\\s*\\[?" + t + "\\b").matcher(args).find());
                if (takesId) {
                    operations.add(field.group(1));
                }
            }
        }
        assertThat(operations).contains("node", "nodes");
        return operations;
    }
}
