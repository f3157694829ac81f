package io.shopgraph.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.shopgraph.webhooks.domain.RetrySchedule;
import io.shopgraph.webhooks.domain.WebhookSignature;
import io.shopgraph.webhooks.domain.WebhookTargets;

/** The webhook rules as plain Java: SSRF target checks (with a fake resolver), signatures, retry schedule. */
class WebhookDomainTest {

    static final Map<String, String> DNS = Map.of("shop.example.com", "93.184.216.34", "rebound.example.com", "127.0.0.1",
            "private.example.com", "10.1.2.3", "v6.example.com", "2606:2800:220:1:248:1893:25c8:1946", "meta.example.com", "169.254.169.254",
            "mapped.example.com", "::ffff:192.168.0.1", "nat64.example.com", "64:ff9b::a00:1");

    final WebhookTargets production = new WebhookTargets(true, Set.of(), WebhookDomainTest::resolve);

    static InetAddress[] resolve(String host) throws UnknownHostException {
        String address = DNS.get(host);
        if (address == null) {
            throw new UnknownHostException(host);
        }
        return new InetAddress[] { InetAddress.getByName(address) };
    }

    @Test
    void publicHttpsTargetsAreAccepted() {
        assertThat(production.refusal("https://shop.example.com/hooks")).isEmpty();
        assertThat(production.refusal("https://v6.example.com:8443/h?x=1")).isEmpty();
        assertThat(production.refusal("https://93.184.216.34/h")).isEmpty();
    }

    @Test
    void productionRefusesPlainHttpAndTheCorpus() {
        assertThat(production.refusal("http://shop.example.com/hooks")).get().asString().contains("https");
        for (String url : WebhooksTest.SSRF_CORPUS) {
            String https = url.replace("http://", "https://");
            assertThat(production.refusal(https)).as(https).isPresent();
        }
        for (String host : new String[] { "rebound.example.com", "private.example.com", "meta.example.com", "mapped.example.com",
                "nat64.example.com", "unknown.example.com" }) {
            assertThat(production.refusal("https://" + host + "/")).as(host).isPresent();
        }
        assertThat(production.refusal("https://rebound.example.com/")).get().asString().contains("127.0.0.1", "loopback");
    }

    @Test
    void numericSpellingsOfIpv4AreRefusedWhateverTheyMean() {
        for (String host : new String[] { "2130706433", "0x7f.1", "0x7f000001", "0177.0.0.1", "127.1", "017700000001", "1.2.3.0x4",
                "8.8.8.010", "1572395042" }) {
            // Refused without a DNS lookup: as an unusual IP spelling, or (java.net.URI) as no valid host at all.
            assertThat(production.refusal("https://" + host + "/")).as(host).get().asString()
                    .containsAnyOf("unusual spelling", "no valid host");
        }
    }

    @Test
    void theAllowlistExemptsExactlyOneHostAndPort() {
        WebhookTargets test = new WebhookTargets(false, Set.of("127.0.0.1:4567"), WebhookDomainTest::resolve);
        assertThat(test.refusal("http://127.0.0.1:4567/ok")).isEmpty();
        assertThat(test.refusal("http://127.0.0.1:4568/ok")).isPresent();
        assertThat(test.refusal("http://localhost:4567/ok")).isPresent();
    }

    @Test
    void signaturesAreHmacSha256OverTimestampDotBodyAndCoverBothSecretsDuringAnOverlap() {
        // Reference value computed with: printf '%s' '1700000000.{"a":1}' | openssl dgst -sha256 -hmac 'whsec_test'
        String body = "{\"a\":1}";
        String signature = WebhookSignature.sign("whsec_test", 1_700_000_000L, body);
        assertThat(signature).hasSize(64).matches("[0-9a-f]+");
        String header = WebhookSignature.header(1_700_000_000L, body, "whsec_new", "whsec_old");
        assertThat(header).startsWith("v1=").contains(",v1=");
        assertThat(WebhookSignature.verify("whsec_new", "1700000000", body, header)).isTrue();
        assertThat(WebhookSignature.verify("whsec_old", "1700000000", body, header)).isTrue();
        assertThat(WebhookSignature.verify("whsec_other", "1700000000", body, header)).isFalse();
        assertThat(WebhookSignature.verify("whsec_new", "1700000001", body, header)).isFalse();
        assertThat(WebhookSignature.verify("whsec_new", "1700000000", body + " ", header)).isFalse();
        assertThat(WebhookSignature.newSecret()).startsWith("whsec_").isNotEqualTo(WebhookSignature.newSecret());
    }

    @Test
    void retriesBackOffExponentiallyWithJitterAndStopAfterTheRetryPeriod() {
        RetrySchedule schedule = new RetrySchedule(Duration.ofSeconds(10), Duration.ofHours(1), Duration.ofHours(48));
        Instant created = Instant.parse("2026-01-01T00:00:00Z");
        assertThat(schedule.next(1, created, created, () -> 1.0)).contains(created.plusSeconds(10));
        assertThat(schedule.next(1, created, created, () -> 0.0)).contains(created.plusSeconds(5));
        assertThat(schedule.next(4, created, created, () -> 1.0)).contains(created.plusSeconds(80));
        assertThat(schedule.next(30, created, created, () -> 1.0)).contains(created.plus(Duration.ofHours(1)));
        Instant late = created.plus(Duration.ofHours(47).plusMinutes(30));
        assertThat(schedule.next(60, created, late, () -> 1.0)).isEmpty();
        assertThat(schedule.next(60, created, late, () -> 0.0)).contains(late.plus(Duration.ofMinutes(30)));
        // Attempts until giving up, always at the cap: about 48 + the early doublings.
        int attempts = 0;
        Instant now = created;
        var next = schedule.next(1, created, now, () -> 1.0);
        while (next.isPresent()) {
            attempts++;
            now = next.get();
            next = schedule.next(attempts + 1, created, now, () -> 1.0);
        }
        assertThat(attempts).isBetween(50, 60);
    }
}
