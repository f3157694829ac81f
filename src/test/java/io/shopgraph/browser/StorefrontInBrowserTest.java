package io.shopgraph.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.shopgraph.testing.TestStores;
import io.shopgraph.testing.TestStores.TestStore;

/**
 * A storefront page in real headless Chromium, served from a second origin (a JDK HTTP server on 127.0.0.1)
 * and calling the API on localhost with fetch() and the storefront token: CORS preflights, the token headers
 * and the origin restriction of tokens are exercised by the browser itself, not simulated.
 * <p>
 * Needs Debian's {@code chromium} and {@code chromium-driver} (.ci/run installs them and sets
 * {@code SHOPGRAPH_BROWSER_TEST=required}, which turns a missing browser into a failure); on a machine
 * without them the test is skipped with that message.
 */
@QuarkusTest
class StorefrontInBrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Duration WAIT = Duration.ofSeconds(30);

    static HttpServer pages;
    static String pageOrigin;
    static WebDriver browser;
    static Path profile;

    @BeforeAll
    static void startBrowserAndSecondOrigin() throws IOException {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && "required".equals(System.getenv("SHOPGRAPH_BROWSER_TEST"))) {
            throw new IllegalStateException("SHOPGRAPH_BROWSER_TEST=required but " + CHROMIUM + " or " + CHROMEDRIVER
                    + " is missing: apt-get install chromium chromium-driver");
        }
        Assumptions.assumeTrue(installed, "No chromium/chromedriver: apt-get install chromium chromium-driver (.ci/run does)");

        pages = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        pages.createContext("/", exchange -> {
            try (InputStream page = StorefrontInBrowserTest.class.getResourceAsStream("/browser/storefront.html")) {
                byte[] body = page.readAllBytes();
                exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            } finally {
                exchange.close();
            }
        });
        pages.start();
        pageOrigin = "http://127.0.0.1:" + pages.getAddress().getPort();

        profile = Files.createTempDirectory("shopgraph-chromium");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
        // Root in CI: no sandbox. Nothing in the background may reach the network (or the test's time).
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (pages != null) {
            pages.stop(0);
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    static String api() {
        // The running application's port as the Quarkus test extension chose it (quarkus.http.test-port=0).
        return "http://localhost:" + io.restassured.RestAssured.port + "/graphql";
    }

    @Test
    void aPageOnAnotherOriginListsFiltersOpensAProductSelectsAVariantAndSearches() {
        TestStore store = TestStores.create("browser");
        product(store, "Alpine Shirt", "Acme", Map.of("S", "20.00", "M", "21.00", "L", "22.00"));
        product(store, "Birch Shirt", "Birch", Map.of("M", "30.00", "L", "31.00"));
        product(store, "Cedar Shirt", "Cedar", Map.of("S", "40.00"));
        product(store, "Acme Scarf", "Acme", Map.of("S", "10.00"));
        product(store, "Birch Mug", "Birch", Map.of());

        open(store.storefrontToken());
        waitFor(() -> text("#shop").equals("Store " + store.handle()));
        waitForReady();
        assertThat(titles("#products a.product")).containsExactly("Acme Scarf", "Alpine Shirt", "Birch Mug", "Birch Shirt",
                "Cedar Shirt");

        // Two vendors at once.
        check("vendors", "Acme");
        waitFor(() -> titles("#products a.product").equals(List.of("Acme Scarf", "Alpine Shirt")));
        check("vendors", "Birch");
        waitFor(() -> titles("#products a.product").equals(List.of("Acme Scarf", "Alpine Shirt", "Birch Mug", "Birch Shirt")));
        // And a size: products of either vendor with a variant in M.
        check("sizes", "M");
        waitFor(() -> titles("#products a.product").equals(List.of("Alpine Shirt", "Birch Shirt")));

        // A product page and its variant selection (variantBySelectedOptions).
        browser.findElement(By.cssSelector("a.product[data-handle='alpine-shirt']")).click();
        waitFor(() -> text("#product-title").equals("Alpine Shirt"));
        waitForReady();
        assertThat(text("#variant-title")).isEqualTo("S");
        new Select(browser.findElement(By.cssSelector("select.option[data-name='Size']"))).selectByValue("L");
        waitFor(() -> text("#variant-price").equals("22.00 EUR"));
        assertThat(text("#variant-title")).isEqualTo("L");
        assertThat(text("#variant-id")).startsWith("gid://shopgraph/ProductVariant/");

        // The search box.
        browser.findElement(By.id("search")).sendKeys("scarf");
        browser.findElement(By.id("search-go")).click();
        waitFor(() -> titles("#results li").equals(List.of("Acme Scarf")));
        assertThat(text("#error")).isEmpty();
    }

    @Test
    void aTokenRestrictedToOtherOriginsIsRefusedInTheBrowserAndOneListingThisOriginWorks() {
        TestStore store = TestStores.create("browser-origins");
        product(store, "Lamp", "Acme", Map.of());

        open(token(store, List.of("https://shop.example.com")));
        waitFor(() -> !text("#error").isEmpty());
        assertThat(text("#error").split(",")).as("every storefront field is refused").containsOnly("ORIGIN_NOT_ALLOWED");
        assertThat(text("#shop")).isEmpty();

        open(token(store, List.of("https://shop.example.com", pageOrigin)));
        waitFor(() -> text("#shop").equals("Store " + store.handle()));
        waitForReady();
        assertThat(titles("#products a.product")).containsExactly("Lamp");
        assertThat(text("#error")).isEmpty();
    }

    private void open(String token) {
        browser.get(pageOrigin + "/storefront.html?api=" + URLEncoder.encode(api(), StandardCharsets.UTF_8) + "&token="
                + URLEncoder.encode(token, StandardCharsets.UTF_8));
    }

    private static String token(TestStore store, List<String> origins) {
        JsonPath created = store.owner().execute("mutation($i: StorefrontAccessTokenCreateInput!) { storefrontAccessTokenCreate(input: $i) { "
                + "accessToken userErrors { code } } }", Map.of("i", Map.of("title", "Browser", "allowedOrigins", origins)));
        assertThat(created.getList("data.storefrontAccessTokenCreate.userErrors")).isEmpty();
        return created.getString("data.storefrontAccessTokenCreate.accessToken");
    }

    /** An active product of {@code vendor} with one variant per size and price (none: a single default variant). */
    private static void product(TestStore store, String title, String vendor, Map<String, String> pricesBySize) {
        Map<String, Object> input = new HashMap<>();
        input.put("title", title);
        input.put("vendor", vendor);
        input.put("status", "ACTIVE");
        List<Map<String, Object>> variants = new ArrayList<>();
        List<String> sizes = pricesBySize.keySet().stream().sorted(java.util.Comparator.comparing(List.of("S", "M", "L")::indexOf)).toList();
        for (String size : sizes) {
            variants.add(Map.of("price", pricesBySize.get(size), "optionValues", List.of(size)));
        }
        if (sizes.isEmpty()) {
            variants.add(Map.of("price", "5.00"));
        } else {
            input.put("options", List.of(Map.of("name", "Size", "values", sizes)));
        }
        input.put("variants", variants);
        JsonPath created = store.owner().execute("mutation($i: ProductCreateInput!) { productCreate(input: $i) { userErrors { field code message } } }",
                Map.of("i", input));
        assertThat(created.getList("data.productCreate.userErrors")).as(title).isEmpty();
    }

    private static void check(String group, String value) {
        browser.findElement(By.cssSelector("input[name='" + group + "'][value='" + value + "']")).click();
    }

    /** Read in one script, so a list the page re-renders meanwhile is never half read. */
    private static String text(String css) {
        return (String) ((JavascriptExecutor) browser).executeScript(
                "const e = document.querySelector(arguments[0]); return e ? e.textContent.trim() : '';", css);
    }

    @SuppressWarnings("unchecked")
    private static List<String> titles(String css) {
        return (List<String>) ((JavascriptExecutor) browser).executeScript(
                "return [...document.querySelectorAll(arguments[0])].map(e => e.textContent.trim());", css);
    }

    private static void waitForReady() {
        waitFor(() -> text("#status").equals("ready"));
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) {
        try {
            new WebDriverWait(browser, WAIT).until(driver -> condition.getAsBoolean());
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("The page did not get there; status \"" + text("#status") + "\", error \"" + text("#error")
                    + "\", products " + titles("#products a.product") + ", results " + titles("#results li"), e);
        }
    }
}
