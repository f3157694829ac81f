package io.shopgraph.digital;

import static io.shopgraph.digital.DigitalFixtures.BY_TOKEN;
import static io.shopgraph.digital.DigitalFixtures.EXTEND;
import static io.shopgraph.digital.DigitalFixtures.KEYS;
import static io.shopgraph.digital.DigitalFixtures.ORDER;
import static io.shopgraph.digital.DigitalFixtures.RESEND;
import static io.shopgraph.digital.DigitalFixtures.UPLOAD;
import static io.shopgraph.digital.DigitalFixtures.count;
import static io.shopgraph.digital.DigitalFixtures.delivered;
import static io.shopgraph.digital.DigitalFixtures.execute;
import static io.shopgraph.digital.DigitalFixtures.get;
import static io.shopgraph.digital.DigitalFixtures.markPaid;
import static io.shopgraph.digital.DigitalFixtures.placed;
import static io.shopgraph.digital.DigitalFixtures.put;
import static io.shopgraph.digital.DigitalFixtures.upload;
import static io.shopgraph.digital.DigitalFixtures.uuid;
import static io.shopgraph.digital.DigitalFixtures.variant;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.shopgraph.platform.persistence.SqlStatementCounter;
import io.shopgraph.testing.TestStores;
import io.shopgraph.testing.TestStores.TestStore;

/** Digital goods end to end through HTTP: staged uploads, paid orders' links and keys, the merchant's resend and extend. */
@QuarkusTest
class DigitalGoodsTest {

    @Test
    void aPaidDigitalOrderGetsLinksThatWorkCountExpireAndStopAtTheLimit() throws Exception {
        TestStore store = TestStores.create("digital-links");
        String variant = variant(store, "Sourdough E-book", "DIGITAL");
        byte[] book = ("%PDF-1.4 the sourdough book " + "x".repeat(5000)).getBytes(StandardCharsets.UTF_8);
        upload(store, variant, "Sourdough «Bible» v2.pdf", "application/pdf", book);
        JsonPath keys = store.owner().execute(KEYS, Map.of("v", variant, "k", List.of("KEY-AAA", " KEY-BBB ", "KEY-AAA")));
        assertThat(keys.getList("data.licenseKeysAdd.userErrors")).as(keys.prettify()).isEmpty();
        assertThat(keys.getInt("data.licenseKeysAdd.added")).isEqualTo(2);
        assertThat(keys.getInt("data.licenseKeysAdd.duplicates")).isEqualTo(1);
        assertThat(keys.getInt("data.licenseKeysAdd.pool.available")).isEqualTo(2);

        String[] order = placed(store, variant, 1);
        JsonPath unpaid = store.storefront().execute(BY_TOKEN, Map.of("t", order[1]));
        assertThat(unpaid.getString("data.orderByToken.digitalDelivery")).as("nothing before payment").isNull();
        markPaid(store, order[0]);
        delivered(store);

        JsonPath paid = store.storefront().execute(BY_TOKEN, Map.of("t", order[1]));
        assertThat(paid.getList("errors")).as(paid.prettify()).isNull();
        assertThat(paid.getList("data.orderByToken.digitalDelivery.downloads")).hasSize(1);
        assertThat(paid.getString("data.orderByToken.digitalDelivery.downloads[0].fileName")).isEqualTo("Sourdough «Bible» v2.pdf");
        assertThat(paid.getInt("data.orderByToken.digitalDelivery.downloads[0].downloadsRemaining")).isEqualTo(5);
        assertThat(paid.getList("data.orderByToken.digitalDelivery.licenseKeys.key")).containsExactly("KEY-AAA");
        String url = paid.getString("data.orderByToken.digitalDelivery.downloads[0].url");
        assertThat(url).startsWith("/downloads/sgdl_");
        assertThat(count(store, "select count(*) from digital.download_grant where token_hash = ?1",
                io.shopgraph.platform.security.OpaqueTokens.hash(url.substring("/downloads/".length()))))
                .as("only the token's hash is stored").isEqualTo(1);
        assertThat(count(store, "select count(*) from digital.download_grant where token_hash like '%sgdl%' or token_salt like 'sgdl%'")).isZero();

        Response first = get(url);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.asByteArray()).isEqualTo(book);
        assertThat(first.header("Content-Type")).isEqualTo("application/pdf");
        assertThat(first.header("Cache-Control")).contains("private").contains("no-store");
        assertThat(first.header("Content-Disposition")).startsWith("attachment; filename=\"Sourdough _Bible_ v2.pdf\"")
                .contains("filename*=UTF-8''Sourdough%20%C2%ABBible%C2%BB%20v2.pdf");
        for (int i = 2; i <= 5; i++) {
            assertThat(get(url).statusCode()).as("download %d", i).isEqualTo(200);
        }
        assertThat(get(url).statusCode()).as("over the limit").isEqualTo(410);
        JsonPath merchant = store.owner().execute(ORDER, Map.of("id", order[0]));
        assertThat(merchant.getInt("data.order.digitalDelivery.downloads[0].downloadsUsed")).isEqualTo(5);
        assertThat(merchant.getInt("data.order.digitalDelivery.downloads[0].downloadsRemaining")).isZero();
        String download = merchant.getString("data.order.digitalDelivery.downloads[0].id");

        // Extend: two more downloads work, then it stops again.
        JsonPath extended = store.owner().execute(EXTEND, Map.of("id", download, "d", 2, "days", 0));
        assertThat(extended.getList("data.orderDownloadLimitExtend.userErrors")).as(extended.prettify()).isEmpty();
        assertThat(extended.getInt("data.orderDownloadLimitExtend.download.downloadLimit")).isEqualTo(7);
        assertThat(get(url).statusCode()).isEqualTo(200);
        assertThat(get(url).statusCode()).isEqualTo(200);
        assertThat(get(url).statusCode()).isEqualTo(410);
        store.owner().execute(EXTEND, Map.of("id", download, "d", 3, "days", 0));

        // Expired: refused although downloads are left; extending by days brings it back.
        execute(store, "update digital.download_grant set expires_at = now() - interval '1 minute' where id = ?1", uuid(download));
        assertThat(get(url).statusCode()).isEqualTo(410);
        JsonPath days = store.owner().execute(EXTEND, Map.of("id", download, "d", 0, "days", 2));
        assertThat(days.getList("data.orderDownloadLimitExtend.userErrors")).as(days.prettify()).isEmpty();
        assertThat(get(url).statusCode()).isEqualTo(200);

        // Resend: a fresh link works, the old one is dead; an event is recorded for notifications.
        JsonPath resent = store.owner().execute(RESEND, Map.of("id", download));
        assertThat(resent.getList("data.orderDownloadLinkResend.userErrors")).as(resent.prettify()).isEmpty();
        String fresh = resent.getString("data.orderDownloadLinkResend.download.url");
        assertThat(fresh).startsWith("/downloads/sgdl_").isNotEqualTo(url);
        assertThat(get(url).statusCode()).isEqualTo(404);
        assertThat(get(fresh).statusCode()).isEqualTo(200);
        assertThat(store.storefront().execute(BY_TOKEN, Map.of("t", order[1])).getString("data.orderByToken.digitalDelivery.downloads[0].url"))
                .isEqualTo(fresh);
        assertThat(count(store, "select count(*) from platform.event where type = 'digital.DigitalDownloadLinkIssued' and aggregate_id = ?1",
                uuid(order[0]))).isEqualTo(1);

        // Unknown, malformed and hostile tokens: 404, never a 5xx.
        for (String bad : List.of("sgdl_" + "A".repeat(43), "nothing", "sgdl_%27%20or%201=1", "%00", "x".repeat(3000))) {
            assertThat(get("/downloads/" + bad).statusCode()).as(bad).isIn(400, 404, 414);
        }
        // The delivery is made once: a repeated event changes nothing.
        redeliver(store, order[0]);
        assertThat(count(store, "select count(*) from digital.download_grant where order_id = ?1", uuid(order[0]))).isEqualTo(1);
        assertThat(count(store, "select count(*) from digital.license_key where order_id = ?1", uuid(order[0]))).isEqualTo(1);
    }

    @Test
    void theLastKeyGoesToExactlyOneOfTwentyConcurrentOrdersAndTheOthersWaitForKeys() throws Exception {
        TestStore store = TestStores.create("digital-keys");
        String variant = variant(store, "Editor licence", "DIGITAL");
        store.owner().execute(KEYS, Map.of("v", variant, "k", List.of("THE-LAST-KEY")));
        List<String[]> orders = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            orders.add(placed(store, variant, 1));
        }
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> paid = new ArrayList<>();
            for (String[] order : orders) {
                paid.add(pool.submit(() -> {
                    start.await();
                    markPaid(store, order[0]);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : paid) {
                f.get();
            }
            // And the deliveries themselves, run at once from 20 threads (as a consumer on many instances would).
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> direct = new ArrayList<>();
            for (String[] order : orders) {
                direct.add(pool.submit(() -> {
                    go.await();
                    redeliver(store, order[0]);
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : direct) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        delivered(store);
        int withKey = 0;
        int waiting = 0;
        for (String[] order : orders) {
            JsonPath body = store.storefront().execute(BY_TOKEN, Map.of("t", order[1]));
            List<String> keys = body.getList("data.orderByToken.digitalDelivery.licenseKeys.key");
            withKey += keys.size();
            assertThat(keys).isSubsetOf("THE-LAST-KEY");
            waiting += body.getList("data.orderByToken.digitalDelivery.awaitingLicenseKeys").size();
        }
        assertThat(withKey).as("the last key went to exactly one order").isEqualTo(1);
        assertThat(waiting).as("the other orders wait for a key").isEqualTo(19);
        JsonPath pool2 = store.owner().execute("query($v: ID!) { node(id: $v) { ... on ProductVariant { licenseKeyPool { available assigned "
                + "awaiting } } } }", Map.of("v", variant));
        assertThat(pool2.getInt("data.node.licenseKeyPool.available")).isZero();
        assertThat(pool2.getInt("data.node.licenseKeyPool.assigned")).isEqualTo(1);
        assertThat(pool2.getInt("data.node.licenseKeyPool.awaiting")).isEqualTo(19);
        // New keys go to waiting lines at once.
        JsonPath more = store.owner().execute(KEYS, Map.of("v", variant, "k", List.of("NEW-1", "NEW-2", "THE-LAST-KEY")));
        assertThat(more.getInt("data.licenseKeysAdd.added")).isEqualTo(2);
        assertThat(more.getInt("data.licenseKeysAdd.handedOut")).isEqualTo(2);
        assertThat(more.getInt("data.licenseKeysAdd.pool.awaiting")).isEqualTo(17);
        assertThat(count(store, "select count(distinct order_id) from digital.license_key where order_id is not null")).isEqualTo(3);
    }

    @Test
    void uploadsAreCheckedAndAnotherStoresFilesDownloadsAndUploadsAreOutOfReach() throws Exception {
        TestStore victim = TestStores.create("digital-victim");
        TestStore attacker = TestStores.create("digital-attacker");
        String variant = variant(victim, "Victim wallpaper pack", "DIGITAL");
        String fileId = upload(victim, variant, "wallpapers.zip", "application/zip", "victim-bytes".getBytes(StandardCharsets.UTF_8));
        String[] order = placed(victim, variant, 1);
        markPaid(victim, order[0]);
        delivered(victim);
        JsonPath mine = victim.owner().execute(ORDER, Map.of("id", order[0]));
        String download = mine.getString("data.order.digitalDelivery.downloads[0].id");
        String url = mine.getString("data.order.digitalDelivery.downloads[0].url");

        // The attacker's merchant, with B's ids: the same answer as unknown ids, and nothing of B changes.
        JsonPath resend = attacker.owner().execute(RESEND, Map.of("id", download));
        assertThat(resend.getString("data.orderDownloadLinkResend.userErrors[0].code")).isEqualTo("DOWNLOAD_NOT_FOUND");
        JsonPath extend = attacker.owner().execute(EXTEND, Map.of("id", download, "d", 100, "days", 100));
        assertThat(extend.getString("data.orderDownloadLimitExtend.userErrors[0].code")).isEqualTo("DOWNLOAD_NOT_FOUND");
        JsonPath delete = attacker.owner().execute("mutation($id: ID!) { digitalFileDelete(id: $id) { deletedFileId userErrors { code } } }",
                Map.of("id", fileId));
        assertThat(delete.getString("data.digitalFileDelete.userErrors[0].code")).isEqualTo("FILE_NOT_FOUND");
        JsonPath stage = attacker.owner().execute(UPLOAD, Map.of("v", variant, "n", "evil.pdf", "t", "application/pdf", "b", 4));
        assertThat(stage.getString("data.digitalFileUploadCreate.userErrors[0].code")).isEqualTo("VARIANT_NOT_FOUND");
        JsonPath keys = attacker.owner().execute(KEYS, Map.of("v", variant, "k", List.of("EVIL")));
        assertThat(keys.getString("data.licenseKeysAdd.userErrors[0].code")).isEqualTo("VARIANT_NOT_FOUND");
        assertThat(attacker.owner().execute(ORDER, Map.of("id", order[0])).getString("data.order")).isNull();
        assertThat(count(victim, "select count(*) from digital.license_key")).isZero();
        assertThat(count(victim, "select count(*) from digital.file")).isEqualTo(1);
        JsonPath after = victim.owner().execute(ORDER, Map.of("id", order[0]));
        assertThat(after.getString("data.order.digitalDelivery.downloads[0].url")).isEqualTo(url);
        assertThat(after.getInt("data.order.digitalDelivery.downloads[0].downloadLimit")).isEqualTo(5);
        // The victim's link serves the victim's file; the attacker's store sees no grant or file rows of it.
        assertThat(get(url).asString()).isEqualTo("victim-bytes");
        assertThat(count(attacker, "select count(*) from digital.download_grant")).isZero();
        assertThat(count(attacker, "select count(*) from digital.file")).isZero();

        // Upload checks: the declared size only, a token used once, the variant's kind, the content type, the name.
        String physical = variant(attacker, "Mug", "PHYSICAL");
        assertThat(attacker.owner().execute(UPLOAD, Map.of("v", physical, "n", "a.pdf", "t", "application/pdf", "b", 4))
                .getString("data.digitalFileUploadCreate.userErrors[0].code")).isEqualTo("NOT_DIGITAL");
        String own = variant(attacker, "Attacker e-book", "DIGITAL");
        assertThat(attacker.owner().execute(UPLOAD, Map.of("v", own, "n", "a.html", "t", "text/html", "b", 4))
                .getString("data.digitalFileUploadCreate.userErrors[0].code")).isEqualTo("CONTENT_TYPE_NOT_ALLOWED");
        assertThat(attacker.owner().execute(UPLOAD, Map.of("v", own, "n", "../../etc/passwd", "t", "application/pdf", "b", 4))
                .getString("data.digitalFileUploadCreate.userErrors[0].code")).isEqualTo("INVALID_FILE_NAME");
        assertThat(attacker.owner().execute(UPLOAD, Map.of("v", own, "n", "big.pdf", "t", "application/pdf", "b", 104857601L))
                .getString("data.digitalFileUploadCreate.userErrors[0].code")).isEqualTo("INVALID_FILE_SIZE");
        JsonPath staged = attacker.owner().execute(UPLOAD, Map.of("v", own, "n", "own.pdf", "t", "application/pdf", "b", 4));
        String uploadUrl = staged.getString("data.digitalFileUploadCreate.upload.url");
        assertThat(put(uploadUrl, "toolong".getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(400);
        assertThat(put(uploadUrl, "four".getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(200);
        assertThat(put(uploadUrl, "four".getBytes(StandardCharsets.UTF_8)).statusCode()).as("a used upload URL").isEqualTo(404);
        assertThat(put("/uploads/sgup_unknown", "four".getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(404);
        assertThat(count(victim, "select count(*) from digital.file")).as("nothing landed in the victim's store").isEqualTo(1);

        // A deleted file's links stop (410).
        JsonPath deleted = victim.owner().execute("mutation($id: ID!) { digitalFileDelete(id: $id) { deletedFileId userErrors { code } } }",
                Map.of("id", fileId));
        assertThat(deleted.getString("data.digitalFileDelete.deletedFileId")).isEqualTo(fileId);
        assertThat(get(url).statusCode()).isEqualTo(410);
    }

    @Test
    void theDeliveryFieldsCostTheSameStatementsForOneOrManyOrders() throws Exception {
        TestStore store = TestStores.create("digital-budget");
        String variant = variant(store, "Video course", "DIGITAL");
        byte[] large = new byte[3 * 1024 * 1024 + 7]; // above the 2M body limit of GraphQL requests
        new java.util.Random(7).nextBytes(large);
        upload(store, variant, "part1.mp4", "video/mp4", large);
        upload(store, variant, "part2.mp4", "video/mp4", new byte[] { 4, 5 });
        store.owner().execute(KEYS, Map.of("v", variant, "k", List.of("A", "B", "C", "D")));
        for (int i = 0; i < 4; i++) {
            markPaid(store, placed(store, variant, 1)[0]);
        }
        delivered(store);
        String query = "query($n: Int) { orders(first: $n) { nodes { id " + DigitalFixtures.DELIVERY + " } } }";
        long one = statements(store, query, 1);
        long four = statements(store, query, 4);
        JsonPath all = store.owner().execute(query, Map.of("n", 4));
        assertThat(all.getList("data.orders.nodes.digitalDelivery.downloads.flatten()")).hasSize(8);
        assertThat(all.getList("data.orders.nodes.digitalDelivery.licenseKeys.flatten()")).hasSize(4);
        assertThat(four).as("statements for 4 orders vs 1").isEqualTo(one);
        String first = all.getString("data.orders.nodes[0].digitalDelivery.downloads.find { it.fileName == 'part1.mp4' }.url");
        assertThat(get(first).asByteArray()).isEqualTo(large);
    }

    private static long statements(TestStore store, String query, int n) {
        long before = SqlStatementCounter.requestTotal();
        JsonPath body = store.owner().execute(query, Map.of("n", n));
        long used = SqlStatementCounter.requestTotal() - before;
        assertThat(body.getList("errors")).as(body.prettify()).isNull();
        return used;
    }

    /** Runs the delivery of an order again, as a repeated or concurrent event would. */
    private static void redeliver(TestStore store, String orderId) {
        var scope = io.quarkus.arc.Arc.container().instance(io.shopgraph.platform.tenancy.TenantScope.class).get();
        var deliveries = io.quarkus.arc.Arc.container().instance(io.shopgraph.digital.application.Deliveries.class).get();
        scope.run(store.id(), () -> deliveries.deliver(uuid(orderId)));
    }
}
