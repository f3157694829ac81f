package io.shopgraph.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.shopgraph.platform.kernel.Ids;
import io.shopgraph.platform.tenancy.TenantScope;
import io.shopgraph.testing.GraphQL;
import io.shopgraph.testing.LocalOidcIssuer;
import io.shopgraph.testing.TestStores;
import io.shopgraph.testing.TestStores.TestStore;
import io.shopgraph.webhooks.domain.WebhookSignature;

/**
 * Webhooks end to end: GraphQL subscriptions, real catalog mutations whose outbox events become signed
 * HTTP POSTs to a loopback receiver, retries, giving up, replay, rotation, SSRF at registration and at
 * delivery, and back-pressure between stores. Waits poll; nothing asserts a time.
 */
@QuarkusTest
class WebhooksTest {

    static final String CREATE = "mutation($i: WebhookSubscriptionCreateInput!) { webhookSubscriptionCreate(input: $i) { "
            + "webhookSubscription { id topic callbackUrl status } secret userErrors { field code message } } }";
    static final String DELIVERIES = "query($s: ID!) { webhookDeliveries(subscriptionId: $s, first: 10) { nodes { id eventId status "
            + "replayOf attempts { number statusCode latencyMs error } } } }";
    static final String SUBSCRIPTIONS = "{ webhookSubscriptions(first: 100) { nodes { id topic callbackUrl status failureReason "
            + "failingSince appClientId } } }";

    @Inject
    TenantScope tenantScope;
    @Inject
    AgroalDataSource dataSource;

    final WebhookReceiver receiver = WebhookReceiver.shared();

    @Test
    void aProductCreateIsPostedSignedAndTheSignatureMatchesOpenssl() throws Exception {
        TestStore store = TestStores.create("hooks-sign");
        String path = "/ok/" + UUID.randomUUID();
        JsonPath created = store.owner().execute(CREATE, Map.of("i", Map.of("topic", "PRODUCTS_CREATE", "callbackUrl", receiver.url(path))));
        assertThat(created.getList("data.webhookSubscriptionCreate.userErrors")).isEmpty();
        String secret = created.getString("data.webhookSubscriptionCreate.secret");
        String subscription = created.getString("data.webhookSubscriptionCreate.webhookSubscription.id");
        assertThat(secret).startsWith("whsec_").hasSizeGreaterThan(40);
        assertThat(store.owner().execute(SUBSCRIPTIONS).getString("")).doesNotContain(secret);

        String productId = createProduct(store, "Signed Scarf");
        await(() -> receiver.at(path).size() == 1, "the delivery arrives");
        WebhookReceiver.Received r = receiver.at(path).get(0);
        JsonObject body = Json.createReader(new StringReader(r.body())).readObject();
        assertThat(body.getString("topic")).isEqualTo("PRODUCTS_CREATE");
        assertThat(body.getString("shopId")).isEqualTo(store.shopId());
        assertThat(body.getString("id")).isEqualTo(r.header("X-ShopGraph-Event-Id"));
        assertThat(Instant.parse(body.getString("occurredAt"))).isBefore(Instant.now());
        assertThat(body.getJsonObject("data").getString("id")).isEqualTo(productId);
        assertThat(body.getJsonObject("data").getString("title")).isEqualTo("Signed Scarf");
        assertThat(body.getJsonObject("data").getJsonObject("priceRange").getJsonObject("minVariantPrice").getString("amount")).isEqualTo("12.50");
        assertThat(r.header("X-ShopGraph-Topic")).isEqualTo("PRODUCTS_CREATE");
        assertThat(r.header("Content-Type")).startsWith("application/json");

        String timestamp = r.header(WebhookSignature.TIMESTAMP_HEADER);
        assertThat(Long.parseLong(timestamp)).isBetween(Instant.now().getEpochSecond() - 600, Instant.now().getEpochSecond());
        String expected = openssl(secret, timestamp + "." + r.body());
        assertThat(r.header(WebhookSignature.SIGNATURE_HEADER)).isEqualTo("v1=" + expected);

        JsonPath deliveries = store.owner().execute(DELIVERIES, Map.of("s", subscription));
        assertThat(deliveries.getString("data.webhookDeliveries.nodes[0].status")).isEqualTo("DELIVERED");
        assertThat(deliveries.getString("data.webhookDeliveries.nodes[0].eventId")).isEqualTo(body.getString("id"));
        assertThat(deliveries.getInt("data.webhookDeliveries.nodes[0].attempts[0].statusCode")).isEqualTo(200);
        assertThat(deliveries.getInt("data.webhookDeliveries.nodes[0].attempts[0].latencyMs")).isGreaterThanOrEqualTo(0);
    }

    @Test
    void aReceiverAnswering500ThreeTimesGetsTheEventOnTheFourthTryWithTheSameEventIdAndAValidSignature() {
        TestStore store = TestStores.create("hooks-retry");
        String path = "/fail3/" + UUID.randomUUID();
        JsonPath created = store.owner().execute(CREATE, Map.of("i", Map.of("topic", "PRODUCTS_UPDATE", "callbackUrl", receiver.url(path))));
        String secret = created.getString("data.webhookSubscriptionCreate.secret");
        String subscription = created.getString("data.webhookSubscriptionCreate.webhookSubscription.id");
        String productId = createProduct(store, "Retry Hat");
        store.owner().execute("mutation($id: ID!) { productUpdate(id: $id, input: {title: \"Retry Hat 2\"}) { userErrors { code } } }",
                Map.of("id", productId));

        await(() -> receiver.at(path).size() == 4, "the fourth attempt arrives");
        List<WebhookReceiver.Received> attempts = receiver.at(path);
        String eventId = attempts.get(0).header("X-ShopGraph-Event-Id");
        for (WebhookReceiver.Received attempt : attempts) {
            assertThat(attempt.header("X-ShopGraph-Event-Id")).isEqualTo(eventId);
            assertThat(attempt.body()).isEqualTo(attempts.get(0).body());
            assertThat(WebhookSignature.verify(secret, attempt.header(WebhookSignature.TIMESTAMP_HEADER), attempt.body(),
                    attempt.header(WebhookSignature.SIGNATURE_HEADER))).isTrue();
        }
        await(() -> store.owner().execute(DELIVERIES, Map.of("s", subscription)).getString("data.webhookDeliveries.nodes[0].status")
                .equals("DELIVERED"), "recorded as delivered");
        JsonPath deliveries = store.owner().execute(DELIVERIES, Map.of("s", subscription));
        assertThat(deliveries.getList("data.webhookDeliveries.nodes[0].attempts.statusCode", Integer.class)).containsExactly(500, 500, 500, 200);
        assertThat(deliveries.getList("data.webhookDeliveries.nodes[0].attempts.error", String.class).get(0)).isEqualTo("HTTP 500");
    }

    static final List<String> SSRF_CORPUS = List.of("http://127.0.0.1/", "http://[::1]/", "http://0.0.0.0/",
            "http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/", "http://10.255.255.254/", "http://172.16.0.1/",
            "http://172.31.255.255/", "http://192.168.1.1/", "http://localhost/", "http://localhost:8080/", "http://2130706433/",
            "http://0x7f.1/", "http://0x7f000001/", "http://0177.0.0.1/", "http://127.1/", "http://[::ffff:127.0.0.1]/",
            "http://[::ffff:7f00:1]/", "http://[::]/", "http://[fe80::1]/", "http://[fd00:ec2::254]/", "http://224.0.0.1/",
            "https://metadata.google.internal/", "http://100.64.0.1/", "http://user:pw@example.com/", "ftp://example.com/",
            "not a url");

    @Test
    void theSsrfCorpusIsRefusedAtRegistration() {
        TestStore store = TestStores.create("hooks-ssrf");
        for (String url : concat(SSRF_CORPUS, List.of(WebhookReceiver.trap()))) {
            JsonPath result = store.owner().execute(CREATE, Map.of("i", Map.of("topic", "PRODUCTS_CREATE", "callbackUrl", url)));
            assertThat(result.getList("data.webhookSubscriptionCreate.userErrors.code")).as(url).containsExactly("INVALID_CALLBACK_URL");
            assertThat(result.getString("data.webhookSubscriptionCreate.webhookSubscription")).isNull();
        }
        assertThat(store.owner().execute(SUBSCRIPTIONS).getList("data.webhookSubscriptions.nodes")).isEmpty();
        // Updating a good subscription to a bad target is refused the same way.
        String id = store.owner().execute(CREATE, Map.of("i", Map.of("topic", "PRODUCTS_CREATE", "callbackUrl", receiver.url("/ok/u"))))
                .getString("data.webhookSubscriptionCreate.webhookSubscription.id");
        JsonPath update = store.owner().execute("mutation($id: ID!, $u: String) { webhookSubscriptionUpdate(id: $id, input: {callbackUrl: $u}) { "
                + "userErrors { code } } }", Map.of("id", id, "u", "http://169.254.169.254/"));
        assertThat(update.getList("data.webhookSubscriptionUpdate.userErrors.code")).containsExactly("INVALID_CALLBACK_URL");
        assertThat(WebhookReceiver.trapped()).isEmpty();
    }

    @Test
    void theSsrfCorpusAndRedirectsAreRefusedAtDeliveryWhenTheTargetChangedAfterRegistration() {
        TestStore store = TestStores.create("hooks-ssrf-late");
        receiver.redirectTo = WebhookReceiver.trap();
        List<String> targets = concat(SSRF_CORPUS.subList(0, 24), List.of(WebhookReceiver.trap(), receiver.url("/redirect/" + UUID.randomUUID())));
        // Rows written as if registration had passed (DNS changed since, or an old row): delivery must check again.
        List<UUID> ids = tenantScope.call(store.id(), () -> QuarkusTransaction.requiringNew().call(() -> {
            List<UUID> made = new java.util.ArrayList<>();
            for (String url : targets) {
                UUID id = Ids.newId();
                try (var c = dataSource.getConnection(); var s = c.prepareStatement("insert into webhooks.subscription (store_id, id, topic, "
                        + "callback_url, secret, created_at, updated_at) values (?, ?, 'PRODUCTS_CREATE', ?, 'whsec_test', now(), now())")) {
                    s.setObject(1, store.id().value());
                    s.setObject(2, id);
                    s.setString(3, url);
                    s.executeUpdate();
                }
                made.add(id);
            }
            return made;
        }));
        createProduct(store, "Late Target");
        for (int i = 0; i < ids.size(); i++) {
            String gid = "gid://shopgraph/WebhookSubscription/" + ids.get(i);
            String url = targets.get(i);
            await(() -> !store.owner().execute(DELIVERIES, Map.of("s", gid)).getList("data.webhookDeliveries.nodes[0].attempts").isEmpty(),
                    "an attempt to " + url);
            String error = store.owner().execute(DELIVERIES, Map.of("s", gid)).getString("data.webhookDeliveries.nodes[0].attempts[0].error");
            if (url.contains("/redirect/")) {
                assertThat(error).as(url).startsWith("HTTP 302").contains("redirects are not followed");
            } else {
                assertThat(error).as(url).startsWith("Refused target");
            }
        }
        assertThat(WebhookReceiver.trapped()).as("nothing reached the non-allowlisted loopback server").isEmpty();
    }

    @Test
    void aSlowEndpointHoldsOnlyItsOwnSlotsAndNeverDelaysAnotherStore() throws Exception {
        TestStore slowStore = TestStores.create("hooks-slow");
        TestStore other = TestStores.create("hooks-fast");
        String slowPath = "/slow/" + UUID.randomUUID();
        String fastPath = "/ok/" + UUID.randomUUID();
        slowStore.owner().execute(CREATE, Map.of("i", Map.of("topic", "PRODUCTS_CREATE", "callbackUrl", receiver.url(slowPath))));
        WebhookReceiver fast = WebhookReceiver.second();
        String fastSubscription = other.owner().execute(CREATE, Map.of("i", Map.of("topic", "PRODUCTS_CREATE", "callbackUrl", fast.url(fastPath))))
                .getString("data.webhookSubscriptionCreate.webhookSubscription.id");
        CountDownLatch gate = new CountDownLatch(1);
        receiver.slowGate = gate;
        try {
            for (int i = 0; i < 5; i++) {
                createProduct(slowStore, "Slow " + i);
            }
            await(() -> receiver.slowInFlight.get() >= 1, "the slow endpoint is busy");
            createProduct(other, "Fast one");
            await(() -> fast.at(fastPath).size() == 1, "the other store's delivery arrives while the slow endpoint hangs");
            assertThat(receiver.slowInFlight.get()).as("slow requests still hanging").isGreaterThanOrEqualTo(1);
            assertThat(receiver.at(slowPath)).as("no slow request has been answered yet").isEmpty();
            assertThat(store(other).execute(DELIVERIES, Map.of("s", fastSubscription)).getString("data.webhookDeliveries.nodes[0].status"))
                    .isEqualTo("DELIVERED");
        } finally {
            gate.countDown();
        }
        await(() -> receiver.at(slowPath).size() >= 5, "the slow store's deliveries complete later");
        assertThat(receiver.slowMaxInFlight.get()).as("per-endpoint concurrency").isBetween(1, 2);
    }

    @Test
    void aDeliveryThatKeepsFailingIsGivenUpTheSubscriptionShowsWhyAndAReplayDelivers() {
        TestStore store = TestStores.create("hooks-giveup");
        String path = "/fail/" + UUID.randomUUID();
        receiver.failing.add(path);
        String subscription = store.owner().execute(CREATE, Map.of("i", Map.of("topic", "PRODUCTS_CREATE", "callbackUrl", receiver.url(path))))
                .getString("data.webhookSubscriptionCreate.webhookSubscription.id");
        createProduct(store, "Doomed");
        await(() -> "FAILING".equals(store.owner().execute(SUBSCRIPTIONS).getString("data.webhookSubscriptions.nodes[0].status")),
                "the subscription is marked failing after the retry period");
        JsonPath subscriptions = store.owner().execute(SUBSCRIPTIONS);
        assertThat(subscriptions.getString("data.webhookSubscriptions.nodes[0].failureReason")).contains("Gave up", "HTTP 500");
        assertThat(subscriptions.getString("data.webhookSubscriptions.nodes[0].failingSince")).isNotNull();
        JsonPath deliveries = store.owner().execute(DELIVERIES, Map.of("s", subscription));
        assertThat(deliveries.getString("data.webhookDeliveries.nodes[0].status")).isEqualTo("FAILED");
        assertThat(deliveries.getList("data.webhookDeliveries.nodes[0].attempts").size()).isGreaterThanOrEqualTo(2);
        String delivery = deliveries.getString("data.webhookDeliveries.nodes[0].id");
        String eventId = deliveries.getString("data.webhookDeliveries.nodes[0].eventId");

        // A failing subscription gets no new events.
        int before = receiver.at(path).size();
        createProduct(store, "Not sent");

        receiver.failing.remove(path);
        JsonPath replay = store.owner().execute("mutation($id: ID!) { webhookDeliveryReplay(id: $id) { webhookDelivery { id eventId "
                + "replayOf status } userErrors { code } } }", Map.of("id", delivery));
        assertThat(replay.getList("data.webhookDeliveryReplay.userErrors")).isEmpty();
        assertThat(replay.getString("data.webhookDeliveryReplay.webhookDelivery.replayOf")).isEqualTo(delivery);
        assertThat(replay.getString("data.webhookDeliveryReplay.webhookDelivery.eventId")).isEqualTo(eventId);
        await(() -> receiver.at(path).stream().anyMatch(r -> "true".equals(r.header("X-ShopGraph-Replay"))), "the replay arrives");
        WebhookReceiver.Received replayed = receiver.at(path).stream().filter(r -> "true".equals(r.header("X-ShopGraph-Replay"))).findFirst().get();
        assertThat(replayed.header("X-ShopGraph-Event-Id")).isEqualTo(eventId);
        assertThat(receiver.at(path).size()).as("only the replay was added").isEqualTo(before + 1);
        await(() -> "ACTIVE".equals(store.owner().execute(SUBSCRIPTIONS).getString("data.webhookSubscriptions.nodes[0].status")),
                "a delivered replay makes the subscription active again");
    }

    @Test
    void aRotatedSecretSignsAlongsideThePreviousOneDuringTheOverlapOnly() {
        TestStore store = TestStores.create("hooks-rotate");
        String path = "/ok/" + UUID.randomUUID();
        JsonPath created = store.owner().execute(CREATE, Map.of("i", Map.of("topic", "PRODUCTS_CREATE", "callbackUrl", receiver.url(path))));
        String oldSecret = created.getString("data.webhookSubscriptionCreate.secret");
        String id = created.getString("data.webhookSubscriptionCreate.webhookSubscription.id");
        String rotate = "mutation($id: ID!, $o: Int) { webhookSubscriptionRotateSecret(id: $id, overlapSeconds: $o) { secret "
                + "webhookSubscription { previousSecretExpiresAt } userErrors { code } } }";
        JsonPath rotated = store.owner().execute(rotate, Map.of("id", id, "o", 3600));
        String newSecret = rotated.getString("data.webhookSubscriptionRotateSecret.secret");
        assertThat(newSecret).startsWith("whsec_").isNotEqualTo(oldSecret);
        assertThat(rotated.getString("data.webhookSubscriptionRotateSecret.webhookSubscription.previousSecretExpiresAt")).isNotNull();

        createProduct(store, "Rotated one");
        await(() -> receiver.at(path).size() == 1, "delivered");
        WebhookReceiver.Received first = receiver.at(path).get(0);
        assertThat(first.header(WebhookSignature.SIGNATURE_HEADER).split(",")).hasSize(2);
        assertThat(verify(newSecret, first)).isTrue();
        assertThat(verify(oldSecret, first)).isTrue();

        store.owner().execute(rotate, Map.of("id", id, "o", 0));
        String newest = store.owner().execute("{ webhookSubscriptions { nodes { id } } }").getString("data.webhookSubscriptions.nodes[0].id");
        assertThat(newest).isEqualTo(id);
        JsonPath bad = store.owner().execute(rotate, Map.of("id", id, "o", -5));
        assertThat(bad.getList("data.webhookSubscriptionRotateSecret.userErrors.code")).containsExactly("INVALID_OVERLAP");
        createProduct(store, "Rotated two");
        await(() -> receiver.at(path).size() == 2, "delivered");
        WebhookReceiver.Received second = receiver.at(path).get(1);
        assertThat(second.header(WebhookSignature.SIGNATURE_HEADER).split(",")).hasSize(1);
        assertThat(verify(newSecret, second)).as("the secret rotated away without overlap no longer signs").isFalse();
    }

    @Test
    void topicsNeedTheirResourceScopeAndAppsSeeOnlyTheirOwnSubscriptions() {
        TestStore store = TestStores.create("hooks-apps");
        GraphQL hooksOnly = app(store, List.of("READ_WEBHOOKS", "WRITE_WEBHOOKS"));
        GraphQL withProducts = app(store, List.of("READ_WEBHOOKS", "WRITE_WEBHOOKS", "READ_PRODUCTS"));
        JsonPath refused = hooksOnly.execute(CREATE, Map.of("i", Map.of("topic", "CUSTOMERS_CREATE", "callbackUrl", receiver.url("/ok/a"))));
        assertThat(refused.getList("data.webhookSubscriptionCreate.userErrors.code")).containsExactly("MISSING_SCOPE");
        JsonPath mine = withProducts.execute(CREATE, Map.of("i", Map.of("topic", "PRODUCTS_UPDATE", "callbackUrl", receiver.url("/ok/b"))));
        String id = mine.getString("data.webhookSubscriptionCreate.webhookSubscription.id");
        assertThat(id).isNotNull();
        assertThat(withProducts.execute(SUBSCRIPTIONS).getList("data.webhookSubscriptions.nodes.id")).containsExactly(id);
        assertThat(hooksOnly.execute(SUBSCRIPTIONS).getList("data.webhookSubscriptions.nodes")).isEmpty();
        assertThat(hooksOnly.execute("mutation($id: ID!) { webhookSubscriptionDelete(id: $id) { userErrors { code } } }", Map.of("id", id))
                .getList("data.webhookSubscriptionDelete.userErrors.code")).containsExactly("NOT_FOUND");
        assertThat(store.owner().execute(SUBSCRIPTIONS).getList("data.webhookSubscriptions.nodes.appClientId")).hasSize(1).doesNotContainNull();
        assertThat(store.owner().execute("query($id: ID!) { node(id: $id) { id ... on WebhookSubscription { topic } } }", Map.of("id", id))
                .getString("data.node.topic")).isEqualTo("PRODUCTS_UPDATE");
        JsonPath deleted = store.owner().execute("mutation($id: ID!) { webhookSubscriptionDelete(id: $id) { deletedWebhookSubscriptionId "
                + "userErrors { code } } }", Map.of("id", id));
        assertThat(deleted.getString("data.webhookSubscriptionDelete.deletedWebhookSubscriptionId")).isEqualTo(id);
        assertThat(store.owner().execute(SUBSCRIPTIONS).getList("data.webhookSubscriptions.nodes")).isEmpty();
        JsonPath malformed = store.owner().execute("mutation { webhookSubscriptionUpdate(id: \"nonsense\", input: {callbackUrl: null}) { "
                + "userErrors { code } } webhookDeliveryReplay(id: \"gid://shopgraph/WebhookDelivery/" + UUID.randomUUID() + "\") { userErrors { code } } }");
        assertThat(malformed.getList("data.webhookSubscriptionUpdate.userErrors.code")).containsExactly("NOT_FOUND");
        assertThat(malformed.getList("data.webhookDeliveryReplay.userErrors.code")).containsExactly("NOT_FOUND");
        assertThat(malformed.getList("errors")).isNull();
    }

    private static GraphQL app(TestStore store, List<String> scopes) {
        String clientId = "hooks-app-" + UUID.randomUUID();
        store.owner().execute("mutation($i: AppInstallInput!) { appInstall(input: $i) { userErrors { code } } }",
                Map.of("i", Map.of("clientId", clientId, "scopes", scopes)));
        return GraphQL.merchant(LocalOidcIssuer.token(Map.of("sub", "service-account-" + clientId, "azp", clientId))).store(store.shopId());
    }

    private static GraphQL store(TestStore store) {
        return store.owner();
    }

    static String createProduct(TestStore store, String title) {
        JsonPath created = store.owner().execute("mutation($i: ProductCreateInput!) { productCreate(input: $i) { product { id } "
                + "userErrors { code } } }", Map.of("i", Map.of("title", title, "variants", List.of(Map.of("price", "12.50")))));
        assertThat(created.getList("data.productCreate.userErrors")).isEmpty();
        return created.getString("data.productCreate.product.id");
    }

    private static boolean verify(String secret, WebhookReceiver.Received r) {
        return WebhookSignature.verify(secret, r.header(WebhookSignature.TIMESTAMP_HEADER), r.body(), r.header(WebhookSignature.SIGNATURE_HEADER));
    }

    /** The signature as an independent implementation computes it: openssl dgst -sha256 -hmac. */
    static String openssl(String secret, String message) throws Exception {
        Path input = Files.createTempFile("webhook", ".txt");
        try {
            Files.writeString(input, message, StandardCharsets.UTF_8);
            Process process = new ProcessBuilder("openssl", "dgst", "-sha256", "-hmac", secret, input.toString()).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(out).isZero();
            return out.substring(out.lastIndexOf(' ') + 1);
        } finally {
            Files.deleteIfExists(input);
        }
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting until " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
