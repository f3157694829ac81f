package io.shopgraph.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.MutableCapabilities;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.remote.RemoteWebDriver;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.shopgraph.testing.TestStores.TestStore;

/**
 * The embed in the two other engines a seller's shoppers use: Gecko (Debian's Firefox ESR, driven by puppeteer-core
 * over WebDriver BiDi: no geckodriver can be installed here) and WebKit, Safari's engine (WebKitGTK in Debian's
 * Epiphany, driven by WebKitWebDriver through Selenium under Xvfb: Safari itself runs only on Apple's systems).
 * <p>
 * In each, a seller's page on another origin loads the one script tag; the shopper chooses a variant on the product
 * card, adds it, applies a code in the drawer, checks out with email, address and delivery, and places the order with
 * the manual provider ({@code shopper-flow.js}, the same visit for both, through the DOM of the widgets' shadow roots).
 * The merchant API then has that order with the totals the drawer showed. (Chromium runs the full visit, with real input
 * events, accessibility and screenshot checks, in {@link EmbedInBrowserTest}.)
 * <p>
 * {@code .ci/run} installs firefox-esr, epiphany-browser, webkit2gtk-driver, xvfb and dbus and sets
 * {@code SHOPGRAPH_BROWSER_TEST=required}; elsewhere the engines that are missing are skipped.
 */
@QuarkusTest
class EmbedInOtherEnginesTest {

    static final Path FIREFOX = Path.of("/usr/bin/firefox-esr");
    static final Path EPIPHANY = Path.of("/usr/bin/epiphany");
    static final Path WEBKIT_DRIVER = Path.of("/usr/bin/WebKitWebDriver");
    static final Path XVFB_RUN = Path.of("/usr/bin/xvfb-run");
    static final Path DBUS_RUN_SESSION = Path.of("/usr/bin/dbus-run-session");
    /** puppeteer-core, installed from npm into target/ on first use (no lock file: it records the registry's address). */
    static final String PUPPETEER = "puppeteer-core@25.16.0";
    static final Path NODE_HOME = Path.of("target", "browser-node");
    static final boolean REQUIRED = "required".equals(System.getenv("SHOPGRAPH_BROWSER_TEST"));

    static HttpServer pages;
    static String pageOrigin;
    static final Map<String, String> tokens = new java.util.concurrent.ConcurrentHashMap<>();

    @BeforeAll
    static void startTheSellersOrigin() throws IOException {
        pages = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        pages.createContext("/", exchange -> {
            try {
                String store = exchange.getRequestURI().getQuery() == null ? "" : exchange.getRequestURI().getQuery().replace("store=", "");
                byte[] body = page(tokens.getOrDefault(store, "missing")).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            } finally {
                exchange.close();
            }
        });
        pages.start();
        pageOrigin = "http://127.0.0.1:" + pages.getAddress().getPort();
    }

    @AfterAll
    static void stop() {
        if (pages != null) {
            pages.stop(0);
        }
    }

    /** The seller's page: the script tag, a product card and the cart (the API is on localhost: another origin). */
    static String page(String token) {
        return """
                <!doctype html>
                <html lang="en">
                <head><meta charset="utf-8"><title>A seller's page</title></head>
                <body>
                <h1>Handmade things</h1>
                <div id="cart" data-shopgraph-cart></div>
                <div id="card" data-shopgraph-product="alpine-shirt" style="width:360px"></div>
                <script src="http://localhost:%d/embed/v1/shopgraph.js" data-store="%s" async></script>
                </body>
                </html>
                """.formatted(RestAssured.port, token);
    }

    @Test
    void inFirefoxAShopperBuysFromASellersPage() throws Exception {
        boolean installed = Files.isExecutable(FIREFOX) && onPath("node") && onPath("npm");
        requireOrSkip(installed, "firefox-esr, node and npm");
        TestStore store = aStoreWithACodeAndDelivery("embed-firefox");
        Path modules = puppeteer();
        Path flow = resource("/browser/shopper-flow.js");
        Path runner = resource("/browser/firefox-shopper.mjs");
        // The runner imports puppeteer-core: it lives beside the installed node_modules so Node resolves it there.
        Path script = NODE_HOME.resolve("firefox-shopper.mjs");
        Files.copy(runner, script, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Process node = new ProcessBuilder("node", script.toAbsolutePath().toString(), FIREFOX.toString(), flow.toString(),
                pageOrigin + "/shop.html?store=" + store.handle()).directory(modules.toFile()).redirectErrorStream(false).start();
        String out;
        try (InputStream stdout = node.getInputStream()) {
            if (!node.waitFor(180, TimeUnit.SECONDS)) {
                node.destroyForcibly();
                throw new AssertionError("Firefox did not finish the visit in 3 minutes");
            }
            out = new String(stdout.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
        String err = new String(node.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(out).as("stderr: " + err).isNotEmpty();
        @SuppressWarnings("unchecked")
        Map<String, Object> seen = new ObjectMapper().readValue(out.substring(out.lastIndexOf('\n') + 1), Map.class);
        assertThat(seen.get("userAgent")).as(out).asString().contains("Firefox/");
        assertTheVisit(store, seen);
    }

    @Test
    void inWebKitAShopperBuysFromASellersPage() throws Exception {
        boolean installed = Files.isExecutable(EPIPHANY) && Files.isExecutable(WEBKIT_DRIVER) && Files.isExecutable(XVFB_RUN)
                && Files.isExecutable(DBUS_RUN_SESSION);
        requireOrSkip(installed, "epiphany-browser, webkit2gtk-driver, xvfb and dbus");
        TestStore store = aStoreWithACodeAndDelivery("embed-webkit");
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        // A virtual display (WebKitGTK draws to one even when nothing looks) and a session bus (Epiphany needs one).
        Path home = Files.createTempDirectory("shopgraph-webkit");
        ProcessBuilder builder = new ProcessBuilder(XVFB_RUN.toString(), "-a", DBUS_RUN_SESSION.toString(), "--", WEBKIT_DRIVER.toString(),
                "--port=" + port).redirectErrorStream(true).redirectOutput(home.resolve("driver.log").toFile());
        builder.environment().put("HOME", home.toString());
        builder.environment().put("XDG_RUNTIME_DIR", home.toString());
        Process driverProcess = builder.start();
        WebDriver browser = null;
        try {
            MutableCapabilities capabilities = new MutableCapabilities();
            capabilities.setCapability("browserName", "Epiphany");
            capabilities.setCapability("webkitgtk:browserOptions", Map.of("binary", EPIPHANY.toString(), "args", List.of("--automation-mode")));
            browser = connect(new URL("http://127.0.0.1:" + port), capabilities, home);
            browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(120));
            browser.get(pageOrigin + "/shop.html?store=" + store.handle());
            String flow = Files.readString(resource("/browser/shopper-flow.js"));
            @SuppressWarnings("unchecked")
            Map<String, Object> seen = (Map<String, Object>) ((JavascriptExecutor) browser).executeAsyncScript(flow + """
                    ;
                    const done = arguments[arguments.length - 1];
                    shopperFlow().then(done, e => done({ error: String(e && e.stack || e) }));
                    """);
            assertThat(String.valueOf(seen.get("userAgent"))).as(String.valueOf(seen)).contains("AppleWebKit/").doesNotContain("Chrome/");
            assertTheVisit(store, seen);
        } finally {
            if (browser != null) {
                try {
                    browser.quit();
                } catch (org.openqa.selenium.WebDriverException e) {
                    // The browser already went away: the test's own failure (if any) is the one to report.
                }
            }
            driverProcess.descendants().forEach(ProcessHandle::destroy);
            driverProcess.destroy();
            driverProcess.waitFor(10, TimeUnit.SECONDS);
            try (var files = Files.walk(home)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** What the shopper saw in the page, and what the merchant API has: the same order, the same money. */
    private static void assertTheVisit(TestStore store, Map<String, Object> seen) {
        assertThat(seen).as(String.valueOf(seen)).doesNotContainKey("error");
        assertThat(seen).containsEntry("title", "Alpine Shirt").containsEntry("price", "€20.00").containsEntry("priceOfL", "€22.00")
                .containsEntry("totalBeforeCode", "€22.00").containsEntry("totalWithCode", "€19.80").containsEntry("country", "FR")
                .containsEntry("deliveryLabel", "Colissimo · €5.00").containsEntry("totalWithDelivery", "€24.80")
                .containsEntry("order", "#1001").containsEntry("confirmation", "Your order #1001 is placed.").containsEntry("instructions", true);
        JsonPath orders = store.owner().execute("{ orders(first: 5) { nodes { name email status lines { title quantity } "
                + "cost { discountAmount { amount } shippingAmount { amount } totalAmount { amount } } shippingAddress { city } } } }", Map.of());
        assertThat(orders.getList("errors")).as(orders.prettify()).isNull();
        assertThat(orders.getList("data.orders.nodes.name")).containsExactly("#1001");
        assertThat(orders.getString("data.orders.nodes[0].email")).isEqualTo("grace@example.com");
        assertThat(orders.getString("data.orders.nodes[0].status")).isEqualTo("PENDING_PAYMENT");
        assertThat(orders.getString("data.orders.nodes[0].lines[0].title")).isEqualTo("Alpine Shirt");
        assertThat(orders.getString("data.orders.nodes[0].cost.discountAmount.amount")).isEqualTo("2.20");
        assertThat(orders.getString("data.orders.nodes[0].cost.shippingAmount.amount")).isEqualTo("5.00");
        assertThat(orders.getString("data.orders.nodes[0].cost.totalAmount.amount")).as("what the drawer showed").isEqualTo("24.80");
        assertThat(orders.getString("data.orders.nodes[0].shippingAddress.city")).isEqualTo("Paris");
    }

    static TestStore aStoreWithACodeAndDelivery(String label) {
        TestStore store = EmbedInBrowserTest.catalog(label);
        tokens.put(store.handle(), store.storefrontToken());
        EmbedInBrowserTest.ok(store.owner().execute("mutation($i: DiscountInput!) { discountCreate(input: $i) { userErrors { field code message } } }",
                Map.of("i", Map.of("code", "SPRING10", "title", "Spring", "kind", "PERCENTAGE", "percentage", "10"))), "discountCreate");
        EmbedInBrowserTest.shipsToFrance(store);
        return store;
    }

    /** WebKitWebDriver answers once Xvfb, the bus and the driver are up: retried for a while, then the driver's log. */
    private static WebDriver connect(URL url, MutableCapabilities capabilities, Path home) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        for (;;) {
            try {
                return new RemoteWebDriver(url, capabilities);
            } catch (org.openqa.selenium.WebDriverException e) {
                if (System.nanoTime() > end) {
                    throw new AssertionError("WebKitWebDriver did not start: " + Files.readString(home.resolve("driver.log")), e);
                }
                Thread.sleep(500);
            }
        }
    }

    /** puppeteer-core in target/browser-node/node_modules, installed from the npm registry once per build directory. */
    private static Path puppeteer() throws Exception {
        Path modules = NODE_HOME.toAbsolutePath();
        if (!Files.isDirectory(modules.resolve("node_modules/puppeteer-core"))) {
            Files.createDirectories(modules);
            Process npm = new ProcessBuilder("npm", "install", "--no-save", "--no-package-lock", "--no-audit", "--no-fund", "--ignore-scripts",
                    "--prefix", modules.toString(), PUPPETEER).redirectErrorStream(true).start();
            String log = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            boolean done = npm.waitFor(300, TimeUnit.SECONDS);
            boolean ok = done && npm.exitValue() == 0 && Files.isDirectory(modules.resolve("node_modules/puppeteer-core"));
            requireOrSkip(ok, PUPPETEER + " from npm (" + log.strip() + ")");
        }
        return modules;
    }

    private static Path resource(String name) throws Exception {
        URI uri = EmbedInOtherEnginesTest.class.getResource(name).toURI();
        return Path.of(uri);
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    private static void requireOrSkip(boolean available, String what) {
        if (!available && REQUIRED) {
            throw new IllegalStateException("SHOPGRAPH_BROWSER_TEST=required but " + what + " is missing (.ci/run installs it)");
        }
        Assumptions.assumeTrue(available, "Not installed here: " + what);
    }
}
