package io.shopgraph.digital;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import jakarta.persistence.EntityManager;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.shopgraph.testing.OutboxDrain;
import io.shopgraph.testing.InStore;
import io.shopgraph.testing.TestStores.TestStore;

/** DIGITAL products, their files and keys, paid orders and their deliveries, for the digital-goods tests. */
final class DigitalFixtures {

    static final String DELIVERY = "digitalDelivery { deliveredAt downloads { id lineId fileName contentType byteSize url expiresAt "
            + "downloadLimit downloadsUsed downloadsRemaining } licenseKeys { lineId key } awaitingLicenseKeys { lineId quantity } }";
    static final String BY_TOKEN = "query($t: String!) { orderByToken(token: $t) { id status " + DELIVERY + " } }";
    static final String ORDER = "query($id: ID!) { order(id: $id) { id status " + DELIVERY + " } }";
    static final String MARK_PAID = "mutation($id: ID!) { orderMarkAsPaid(id: $id) { order { id status } userErrors { code message } } }";
    static final String UPLOAD = "mutation($v: ID!, $n: String!, $t: String!, $b: BigInteger!) { digitalFileUploadCreate(variantId: $v, "
            + "fileName: $n, contentType: $t, byteSize: $b) { file { id variantId fileName contentType byteSize status } "
            + "upload { url method expiresAt } userErrors { field code message } } }";
    static final String KEYS = "mutation($v: ID!, $k: [String!]!) { licenseKeysAdd(variantId: $v, keys: $k) { added duplicates handedOut "
            + "pool { available assigned awaiting } userErrors { field code message } } }";
    static final String RESEND = "mutation($id: ID!) { orderDownloadLinkResend(downloadId: $id) { download { id url expiresAt downloadsUsed "
            + "downloadsRemaining } userErrors { field code message } } }";
    static final String EXTEND = "mutation($id: ID!, $d: Int, $days: Int) { orderDownloadLimitExtend(downloadId: $id, extraDownloads: $d, "
            + "extraDays: $days) { download { id expiresAt downloadLimit downloadsUsed downloadsRemaining } userErrors { field code message } } }";

    private DigitalFixtures() {
    }

    /** A published product of this kind with one variant that needs no shipping; answers the variant's id. */
    static String variant(TestStore store, String title, String kind) {
        JsonPath body = store.owner().execute("mutation($i: ProductCreateInput!) { productCreate(input: $i) { product { id "
                + "variants { nodes { id } } } userErrors { code message } } }", Map.of("i", Map.of("title", title, "status", "ACTIVE",
                        "kind", kind, "publishedAt", "2020-01-01T00:00:00Z", "variants", List.of(Map.of("price", "9.00",
                                "requiresShipping", false)))));
        assertThat(body.getList("data.productCreate.userErrors")).as(body.prettify()).isEmpty();
        return body.getString("data.productCreate.product.variants.nodes[0].id");
    }

    /** Stages and uploads a file; answers the file's id. */
    static String upload(TestStore store, String variant, String name, String type, byte[] bytes) {
        JsonPath staged = store.owner().execute(UPLOAD, Map.of("v", variant, "n", name, "t", type, "b", bytes.length));
        assertThat(staged.getList("data.digitalFileUploadCreate.userErrors")).as(staged.prettify()).isEmpty();
        assertThat(staged.getString("data.digitalFileUploadCreate.file.status")).isEqualTo("PENDING");
        put(staged.getString("data.digitalFileUploadCreate.upload.url"), bytes).then().statusCode(200);
        return staged.getString("data.digitalFileUploadCreate.file.id");
    }

    static Response put(String url, byte[] bytes) {
        return given().contentType("application/octet-stream").body(bytes).put(path(url));
    }

    static Response get(String url) {
        return given().redirects().follow(false).get(path(url));
    }

    /** The path of a link (relative in tests, where no base URL is set). */
    static String path(String url) {
        return url.startsWith("http") ? URI.create(url).getRawPath() : url;
    }

    /** A placed order of {@code quantity} units: [order id, guest order token]. */
    static String[] placed(TestStore store, String variant, int quantity) {
        Map<String, Object> input = new HashMap<>(Map.of("lines", List.of(Map.of("merchandiseId", variant, "quantity", quantity)),
                "buyerIdentity", Map.of("email", "digital-buyer@example.com")));
        String cart = store.storefront().execute("mutation($i: CartInput) { cartCreate(input: $i) { cart { id } userErrors { code } } }",
                Map.of("i", input)).getString("data.cartCreate.cart.id");
        JsonPath done = store.storefront().execute("mutation($c: ID!, $k: String!) { checkoutComplete(cartId: $c, idempotencyKey: $k) { "
                + "order { id } orderToken userErrors { code message } } }", Map.of("c", cart, "k", UUID.randomUUID().toString()));
        assertThat(done.getList("data.checkoutComplete.userErrors")).as(done.prettify()).isEmpty();
        return new String[] { done.getString("data.checkoutComplete.order.id"), done.getString("data.checkoutComplete.orderToken") };
    }

    static void markPaid(TestStore store, String orderId) {
        JsonPath paid = store.owner().execute(MARK_PAID, Map.of("id", orderId));
        assertThat(paid.getList("data.orderMarkAsPaid.userErrors")).as(paid.prettify()).isEmpty();
    }

    static void delivered(TestStore... stores) throws Exception {
        OutboxDrain.await("digital.deliveries", List.of(stores));
    }

    /** Runs SQL as the application (row-level security on) in the store, in its own transaction. */
    static <T> T inStore(TestStore store, Function<EntityManager, T> work) {
        return InStore.call(store, work);
    }

    static long count(TestStore store, String sql, Object... parameters) {
        return InStore.count(store, sql, parameters);
    }

    static int execute(TestStore store, String sql, Object... parameters) {
        return InStore.execute(store, sql, parameters);
    }

    static UUID uuid(String globalId) {
        return UUID.fromString(globalId.substring(globalId.lastIndexOf('/') + 1));
    }
}
