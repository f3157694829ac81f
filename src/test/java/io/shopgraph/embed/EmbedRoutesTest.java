package io.shopgraph.embed;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;

/**
 * The embed over real HTTP: a short-lived loader that names the current, content-hashed module; the module immutable
 * for a year, gzipped within its 35 KB budget, readable cross-origin; other hashes 404; conditional requests 304.
 */
@QuarkusTest
class EmbedRoutesTest {

    static final Pattern MODULE = Pattern.compile("'([0-9a-f]{16})/shopgraph\\.mjs'");
    static final RestAssuredConfig RAW = RestAssuredConfig.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders());

    @Test
    void theLoaderIsShortLivedAndNamesTheImmutableContentHashedModule() throws IOException, NoSuchAlgorithmException {
        Response loader = given().header("Origin", "https://seller.example").when().get("/embed/v1/shopgraph.js");
        assertThat(loader.statusCode()).isEqualTo(200);
        assertThat(loader.header("Content-Type")).startsWith("text/javascript");
        assertThat(loader.header("Cache-Control")).isEqualTo("public, max-age=300");
        assertThat(loader.header("Access-Control-Allow-Origin")).isEqualTo("*");
        Matcher named = MODULE.matcher(loader.asString());
        assertThat(named.find()).as(loader.asString()).isTrue();
        String hash = named.group(1);

        Response module = given().header("Origin", "https://seller.example").when().get("/embed/v1/" + hash + "/shopgraph.mjs");
        assertThat(module.statusCode()).isEqualTo(200);
        assertThat(module.header("Content-Type")).startsWith("text/javascript");
        assertThat(module.header("Cache-Control")).isEqualTo("public, max-age=31536000, immutable");
        assertThat(module.header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(module.header("ETag")).isEqualTo("\"" + hash + "\"");
        byte[] body = module.asByteArray();
        String source = new String(body, StandardCharsets.UTF_8);
        assertThat(source).contains("export async function boot(", "export function createClient(", "customElements.define('shopgraph-product'")
                .as("the files' imports of each other are gone: one module").doesNotContain("from './");
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body))).as("named by its content").startsWith(hash);

        // Gzipped on the wire when asked, and within budget (the build checks the same figure).
        Response gz = given().config(RAW).header("Accept-Encoding", "gzip").when().get("/embed/v1/" + hash + "/shopgraph.mjs");
        assertThat(gz.header("Content-Encoding")).isEqualTo("gzip");
        assertThat(gz.header("Vary")).contains("Accept-Encoding");
        byte[] compressed = gz.asByteArray();
        assertThat(compressed.length).isLessThanOrEqualTo(35 * 1024);
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            assertThat(in.readAllBytes()).isEqualTo(body);
        }

        // A revalidation of the same release costs no body.
        given().header("If-None-Match", "\"" + hash + "\"").when().get("/embed/v1/" + hash + "/shopgraph.mjs").then().statusCode(304);
    }

    @Test
    void anyOtherPathIsNotFoundAndNeverCached() {
        for (String path : new String[] { "/embed/v1/0123456789abcde/shopgraph.mjs", "/embed/v1/../v1/shopgraph.js.map",
                "/embed/v1/ZZZ/shopgraph.mjs", "/embed/v2/shopgraph.js", "/embed/v1/0123456789abcdef0/shopgraph.mjs" }) {
            Response response = given().urlEncodingEnabled(false).redirects().follow(false).when().get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.asString()).as(path).doesNotContain("Exception", "io.shopgraph");
        }
    }

    /**
     * A rolling deploy: the page read its loader from an instance of another release, and asks this one for that
     * release's module. It is sent, uncached, to this release's module (readable cross-origin) instead of a 404 that
     * would leave the seller's page without a shop until the deploy ends.
     */
    @Test
    void anotherReleasesModuleRedirectsUncachedToThisRelease() {
        String current = currentModulePath();
        Response redirect = given().header("Origin", "https://seller.example").redirects().follow(false).when()
                .get("/embed/v1/0123456789abcdef/shopgraph.mjs");
        assertThat(redirect.statusCode()).isEqualTo(307);
        assertThat(redirect.header("Cache-Control")).isEqualTo("no-store");
        assertThat(redirect.header("Location")).isEqualTo(current);
        assertThat(redirect.header("Access-Control-Allow-Origin")).as("the module import follows it cross-origin").isNotNull();

        Response followed = given().header("Origin", "https://seller.example").when().get("/embed/v1/0123456789abcdef/shopgraph.mjs");
        assertThat(followed.statusCode()).isEqualTo(200);
        assertThat(followed.asByteArray()).isEqualTo(given().when().get(current).asByteArray());
    }

    private static String currentModulePath() {
        Matcher named = MODULE.matcher(given().when().get("/embed/v1/shopgraph.js").asString());
        assertThat(named.find()).isTrue();
        return "/embed/v1/" + named.group(1) + "/shopgraph.mjs";
    }

    @Test
    void theDemoPageIsDevModeOnly() {
        assertThat(given().when().get("/embed/demo").statusCode()).isEqualTo(404);
    }
}
