package io.shopgraph.browser;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import javax.imageio.ImageIO;

import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.shopgraph.testing.OutboxDrain;
import io.shopgraph.testing.StripeWireMock;
import io.shopgraph.testing.TestStores;
import io.shopgraph.testing.InStore;
import io.shopgraph.testing.TestStores.TestStore;

/**
 * The embed as a seller uses it: a page on another origin (a JDK HTTP server on 127.0.0.1; the API is on localhost)
 * with the one script tag and the data-shopgraph-* hooks, in Debian's headless Chromium. The shopper selects a
 * variant, adds items from the card and from the collection grid (with paging and a bespoke item's declared input),
 * changes a quantity in the drawer; the API then has the cart and the session with the page's UTM values. Also:
 * axe-core finds no serious or critical violation, a hostile host stylesheet changes no pixel of the widgets, and
 * without consent no session is started.
 * <p>
 * Then the shopper applies a discount code, checks out with email and address, chooses delivery, places the order
 * with the manual provider and sees its confirmation; the merchant API has the order (discount, shipping, address)
 * and the analytics figures count the checkout and the order.
 */
@QuarkusTest
class EmbedInBrowserTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    /** Where the test leaves its screenshots (copied to docs/ by hand when the widget's look changes). */
    static final Path SHOTS = Path.of("target", "embed-screenshots");

    /**
     * A host page's stylesheet that tries everything to restyle the widget: inherited text properties on everything,
     * boxes, colours and display on every element it could match (the widget's hosts included), !important or not.
     * (It leaves the page's own html and body boxes alone: the widgets are transparent where they draw nothing, so
     * a page box painted beneath their rounded corners would show through, which is the page, not the widget.)
     */
    static final String HOSTILE = """
            <style>
            * { font-family: "Comic Sans MS", cursive !important; color: red !important; letter-spacing: 4px; line-height: 3;
                text-transform: uppercase; box-sizing: content-box; font-size: 30px; font-weight: 900; text-align: right; }
            body * { margin: 7px; padding: 9px; border: 3px dashed lime; }
            button, article, section, ul, li, p, h2, h3, span { background: yellow !important; }
            button, input, select { all: unset !important; font-size: 40px !important; width: 20px !important; }
            img, svg, dialog { display: none !important; }
            h2, h3, p, ul, li, section, article, div div { font-size: 60px !important; display: inline !important; }
            shopgraph-product, shopgraph-collection, shopgraph-cart { display: inline !important; padding: 50px !important;
                border: 10px solid red !important; font-size: 40px !important; zoom: 2; transform: rotate(3deg); }
            :root { --unrelated: 1; }
            </style>
            """;

    /**
     * Stands in for https://js.stripe.com/v3/ (the page may not reach the network): records what the widget hands to
     * Stripe.js (the publishable key, the PaymentIntent's client secret, where the Payment Element is mounted), which
     * is where Stripe takes over.
     */
    static final String STRIPE_JS_STUB = """
            window.__stripe = { loaded: true };
            window.Stripe = function (key) {
              window.__stripe.key = key;
              return {
                elements(options) {
                  window.__stripe.clientSecret = options.clientSecret;
                  return { create(type) { return { mount(el) {
                    window.__stripe.element = type;
                    el.textContent = 'Payment Element (stub)';
                    el.id = 'stripe-payment-element';
                  } }; } };
                },
                confirmPayment() {
                  window.__stripe.confirmed = true;
                  return Promise.resolve(window.__stripe.succeed ? { paymentIntent: { status: 'succeeded' } }
                    : { error: { message: 'The stub takes no payment.' } });
                }
              };
            };
            """;

    static HttpServer pages;
    static String pageOrigin;
    static WebDriver browser;
    static Path profile;
    static final Map<String, String> tokens = new HashMap<>();

    @BeforeAll
    static void startBrowserAndSecondOrigin() throws IOException {
        boolean installed = Files.isExecutable(StorefrontInBrowserTest.CHROMIUM) && Files.isExecutable(StorefrontInBrowserTest.CHROMEDRIVER);
        if (!installed && "required".equals(System.getenv("SHOPGRAPH_BROWSER_TEST"))) {
            throw new IllegalStateException("SHOPGRAPH_BROWSER_TEST=required but chromium or chromedriver is missing: "
                    + "apt-get install chromium chromium-driver");
        }
        Assumptions.assumeTrue(installed, "No chromium/chromedriver: apt-get install chromium chromium-driver (.ci/run does)");

        pages = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        pages.createContext("/", exchange -> {
            try {
                String path = exchange.getRequestURI().getPath();
                byte[] body;
                String type;
                if (path.equals("/blank")) {
                    body = "<!doctype html><title>blank</title>".getBytes(StandardCharsets.UTF_8);
                    type = "text/html; charset=utf-8";
                } else if (path.equals("/stripe-stub.js")) {
                    body = STRIPE_JS_STUB.getBytes(StandardCharsets.UTF_8);
                    type = "text/javascript";
                } else if (path.equals("/axe.min.js")) {
                    try (InputStream in = EmbedInBrowserTest.class.getResourceAsStream("/browser/axe-core/axe.min.js")) {
                        body = in.readAllBytes();
                    }
                    type = "text/javascript";
                } else {
                    body = page(exchange.getRequestURI()).getBytes(StandardCharsets.UTF_8);
                    type = "text/html; charset=utf-8";
                }
                exchange.getResponseHeaders().set("Content-Type", type);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            } finally {
                exchange.close();
            }
        });
        pages.start();
        pageOrigin = "http://127.0.0.1:" + pages.getAddress().getPort();

        profile = Files.createTempDirectory("shopgraph-embed-chromium");
        ChromeOptions options = new ChromeOptions().setBinary(StorefrontInBrowserTest.CHROMIUM.toFile());
        // Root in CI: no sandbox. Nothing in the background may reach the network. Fixed scale: comparable screenshots.
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--force-device-scale-factor=1", "--hide-scrollbars", "--font-render-hinting=none", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(StorefrontInBrowserTest.CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().window().setSize(new Dimension(1280, 1000));
        Files.createDirectories(SHOTS);
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

    /** The seller's page: one script tag, three hooks; ?store= picks the test's store, ?hostile=1 adds the stylesheet. */
    static String page(URI uri) {
        Map<String, String> query = new HashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                String[] kv = pair.split("=", 2);
                query.put(kv[0], kv.length > 1 ? java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        String token = tokens.getOrDefault(query.get("store"), "missing");
        String api = "http://localhost:" + RestAssured.port;
        String consent = query.containsKey("consent") ? " data-consent=\"" + query.get("consent") + "\"" : "";
        if (query.containsKey("stripe")) {
            consent += " data-stripe-js=\"" + pageOrigin + "/stripe-stub.js\"";
        }
        // Fixed boxes on the page, so a screenshot of a widget only changes when the widget does.
        String box = "position:absolute;margin:0;padding:0;border:0;";
        return """
                <!doctype html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <title>A seller's page</title>
                <script>
                  // The test's window on the widget's traffic: every fetch with its GraphQL operation and cache header.
                  window.__requests = [];
                  const realFetch = window.fetch;
                  window.fetch = async function (input, init) {
                    const response = await realFetch.apply(this, arguments);
                    const body = init && init.body ? String(init.body) : '';
                    window.__requests.push({ url: String(input), method: (init && init.method) || 'GET',
                      op: (body.match(/(cart[A-Za-z]+|session[A-Za-z]+)\\(/) || [])[1] || '', cache: response.headers.get('X-ShopGraph-Cache') });
                    return response;
                  };
                </script>
                %s
                </head>
                <body>
                <h1 style="%sleft:10px;top:760px">Handmade things</h1>
                <div id="cart" data-shopgraph-cart style="%sleft:1000px;top:60px;width:200px"></div>
                <div id="card" data-shopgraph-product="%s" style="%sleft:10px;top:120px;width:360px"></div>
                <div id="grid" data-shopgraph-collection="gifts" data-page-size="2" style="%sleft:400px;top:120px;width:840px"></div>
                <script src="%s/embed/v1/shopgraph.js" data-store="%s"%s async></script>
                </body>
                </html>
                """.formatted(query.containsKey("hostile") ? HOSTILE : "", box, box, query.getOrDefault("product", "alpine-shirt"), box, box, api,
                        token, consent);
    }

    @Test
    void aShopperOnASellersPageSelectsAddsAndChangesTheCartAndTheApiHasTheCartAndTheSession() throws Exception {
        TestStore store = catalog("embed");
        open(store, "utm_source=newsletter&utm_medium=email&utm_campaign=spring");

        // The card: variant selection by option, price in the page's locale and the store's currency.
        SearchContext card = shadow("#card shopgraph-product");
        waitFor(() -> text(card, "h2").equals("Alpine Shirt"));
        assertThat(text(card, ".price")).isEqualTo("€20.00");
        new Select(card.findElement(By.cssSelector("select"))).selectByValue("L");
        waitFor(() -> text(card, ".price").equals("€22.00"));
        card.findElement(By.cssSelector("button.primary")).click();
        waitFor(() -> text(card, ".status").equals("Added to cart."));
        SearchContext cart = shadow("#cart shopgraph-cart");
        waitFor(() -> text(cart, ".count").equals("1"));
        assertThat(cart.findElement(By.cssSelector("button")).getAccessibleName()).isEqualTo("Cart 1 item");

        // The grid: two per page, then the next page.
        SearchContext grid = shadow("#grid shopgraph-collection");
        waitFor(() -> grid.findElements(By.cssSelector("shopgraph-product")).size() == 2);
        assertThat(text(grid, "h2")).isEqualTo("Gifts");
        grid.findElement(By.cssSelector("button.more")).click();
        waitFor(() -> grid.findElements(By.cssSelector("shopgraph-product")).size() == 3);
        assertThat(grid.findElements(By.cssSelector("button.more"))).as("the last page has no Load more").isEmpty();

        // A tile with options loads its variants when asked (a page of tiles stays cheap).
        SearchContext shirtTile = tile(grid, "Alpine Shirt");
        assertThat(text(shirtTile, "button.primary")).isEqualTo("Choose options");
        shirtTile.findElement(By.cssSelector("button.primary")).click();
        waitFor(() -> shirtTile.findElements(By.cssSelector("select")).size() == 1);

        SearchContext mug = tile(grid, "Mug");
        mug.findElement(By.cssSelector("button.primary")).click();
        waitFor(() -> text(cart, ".count").equals("2"));

        // A bespoke item: its declared input is required before it can be added.
        SearchContext pen = tile(grid, "Engraved Pen");
        int before = requests("").size();
        pen.findElement(By.cssSelector("button.primary")).click();
        waitFor(() -> text(pen, ".status").equals("Please fill in the required details for this item."));
        assertThat(requests("")).as("checked in the page, no request").hasSize(before);
        pen.findElement(By.cssSelector("input[data-attribute='engraving']")).sendKeys("A&B");
        pen.findElement(By.cssSelector("button.primary")).click();
        waitFor(() -> text(cart, ".count").equals("3"));

        // The drawer: lines, the declared input with its value, and the cost breakdown.
        cart.findElement(By.cssSelector("button")).click();
        SearchContext drawer = shadow("shopgraph-drawer");
        waitFor(() -> drawer.findElements(By.cssSelector("li.line")).size() == 3);
        assertThat(text(drawer, "dd.total")).isEqualTo("€42.00");
        assertThat(text(drawer, "dl")).as("no delivery option chosen yet: no €0.00 shipping").contains("Shipping\nCalculated at checkout")
                .doesNotContain("€0.00");
        assertThat(drawer.findElement(By.cssSelector("input[data-attribute='engraving']")).getAttribute("value")).isEqualTo("A&B");

        // Two quick clicks on + are one cartLinesUpdate (debounced), not two.
        String mugLine = lineIdOf(drawer, "Mug");
        drawer.findElement(By.cssSelector("[data-key='p-" + mugLine + "']")).click();
        drawer.findElement(By.cssSelector("[data-key='p-" + mugLine + "']")).click();
        waitFor(() -> text(drawer, "dd.total").equals("€58.00"));
        assertThat(requests("cartLinesUpdate")).hasSize(1);
        assertThat(drawer.findElement(By.cssSelector("[data-key='q-" + mugLine + "']")).getAttribute("value")).isEqualTo("3");

        // The API has pricing and checkout, so the drawer offers a code and the checkout (it hides them on an API without).
        assertThat(drawer.findElements(By.cssSelector("#sg-code"))).hasSize(1);
        waitFor(() -> drawer.findElements(By.cssSelector("[data-key='checkout']")).size() == 1);

        assertNoSeriousAccessibilityViolations("the open drawer");
        Files.write(SHOTS.resolve("embed-drawer.png"), ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        drawer.findElement(By.cssSelector("[data-key='close']")).click();
        waitFor(() -> !(Boolean) js("return document.querySelector('shopgraph-drawer').shadowRoot.querySelector('dialog').open"));

        // Through the API: the cart the page keeps in its storage, with the lines the shopper made.
        String cartId = (String) js("return JSON.parse(localStorage.getItem(arguments[0]))", "shopgraph:" + store.storefrontToken() + ":cart");
        JsonPath read = store.storefront().execute("query($id: ID!) { cart(id: $id) { totalQuantity cost { totalAmount { amount } } "
                + "lines(first: 10) { nodes { quantity attributes { key value } merchandise { title product { title } } } } } }", Map.of("id", cartId));
        assertThat(read.getInt("data.cart.totalQuantity")).isEqualTo(5);
        assertThat(read.getString("data.cart.cost.totalAmount.amount")).isEqualTo("58.00");
        assertThat(read.getList("data.cart.lines.nodes.merchandise.product.title")).containsExactlyInAnyOrder("Alpine Shirt", "Mug", "Engraved Pen");
        assertThat(read.getString("data.cart.lines.nodes.find { it.merchandise.product.title == 'Engraved Pen' }.attributes[0].value")).isEqualTo("A&B");

        // The session: where the shopper came from (the page's UTM values, its path), and what it did, in order.
        String session = inStore(store, em -> em.createNativeQuery("select row_to_json(s)::text from cart.shopper_session s").getSingleResult().toString());
        assertThat(session).contains("\"utm_source\":\"newsletter\"", "\"utm_medium\":\"email\"", "\"utm_campaign\":\"spring\"",
                "\"landing_path\":\"/shop.html\"", "\"device_type\":\"DESKTOP\"");
        assertThat(eventTypes(store))
                .containsExactlyInAnyOrder("PRODUCT_VIEWED", "COLLECTION_VIEWED", "CART_CREATED", "LINE_ADDED", "LINE_ADDED", "LINE_ADDED", "LINE_UPDATED");

        // The catalog reads go over GET without the session header, so the storefront response cache answers them.
        List<Map<String, Object>> reads = requests("").stream().filter(r -> "GET".equals(r.get("method")) && String.valueOf(r.get("url")).contains("product")).toList();
        assertThat(reads).isNotEmpty();
        String url = String.valueOf(reads.get(0).get("url"));
        // (The browser's own read is older than the cache's staleness bound by now: the same read twice, the second from memory.)
        given().urlEncodingEnabled(false).header("X-Storefront-Token", store.storefrontToken()).when().get(URI.create(url)).then().statusCode(200);
        Response again = given().urlEncodingEnabled(false).header("X-Storefront-Token", store.storefrontToken()).when().get(URI.create(url));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.header("X-ShopGraph-Cache")).as(url + " " + again.asString()).isEqualTo("hit");

        // The largest page a grid asks for stays within the query cost limit (the widget's own client, its own documents).
        Object largest = ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const loader = document.querySelector('script[src*="/embed/v1/shopgraph.js"]').src;
                fetch(loader).then(r => r.text()).then(text => import(new URL(text.match(/'([0-9a-f]+\\/shopgraph\\.mjs)'/)[1], loader).href))
                  .then(m => m.createClient({ endpoint: arguments[0], token: arguments[1] }).collection('gifts', 12, null, null))
                  .then(c => done(c.products.nodes.length), e => done(String(e.code || e)));
                """, "http://localhost:" + RestAssured.port + "/graphql", store.storefrontToken());
        assertThat(largest).isEqualTo(3L);

        checkoutWithACodeAndDeliveryAndTheManualProvider(store, cart);
    }

    @Test
    void withStripeConnectedTheCheckoutHandsTheOrdersPaymentIntentToStripeJsLoadedOnlyThen() throws Exception {
        TestStore store = catalog("embed-stripe");
        shipsToFrance(store);
        String secretKey = "sk_test_" + java.util.UUID.randomUUID().toString().replace("-", "");
        String publishableKey = "pk_test_" + java.util.UUID.randomUUID().toString().replace("-", "");
        ok(store.owner().execute("mutation($i: StripeAccountConnectInput!) { stripeAccountConnect(input: $i) { userErrors { field code message } } }",
                Map.of("i", Map.of("publishableKey", publishableKey, "secretKey", secretKey,
                        "webhookSecret", "whsec_" + java.util.UUID.randomUUID().toString().replace("-", "")))), "stripeAccountConnect");
        // Stripe's API (WireMock) creates the PaymentIntent for this store's key only; the amount is the order's (20.00 + 5.00).
        StripeWireMock.server().stubFor(WireMock.post(WireMock.urlPathEqualTo("/v1/payment_intents"))
                .withHeader("Authorization", WireMock.equalTo("Bearer " + secretKey))
                .willReturn(WireMock.aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":\"pi_embedtest\",\"object\":\"payment_intent\",\"amount\":2500,\"amount_received\":0,"
                                + "\"currency\":\"eur\",\"status\":\"requires_payment_method\",\"client_secret\":\"pi_embedtest_secret_abc\","
                                + "\"metadata\":{},\"livemode\":false,\"created\":" + java.time.Instant.now().getEpochSecond() + "}")));

        open(store, "stripe=1");
        SearchContext card = shadow("#card shopgraph-product");
        card.findElement(By.cssSelector("button.primary")).click();
        SearchContext cart = shadow("#cart shopgraph-cart");
        waitFor(() -> text(cart, ".count").equals("1"));
        cart.findElement(By.cssSelector("button")).click();
        SearchContext drawer = shadow("shopgraph-drawer");
        waitFor(() -> drawer.findElements(By.cssSelector("[data-key='checkout']")).size() == 1);
        enterContactAndAddress(drawer);
        drawer.findElement(By.cssSelector("input[name='delivery']")).click();
        waitFor(() -> text(drawer, "dd.total").equals("€25.00"));
        assertThat(js("return window.__stripe || null")).as("Stripe.js is not loaded before the order is placed").isNull();
        waitFor(() -> drawer.findElement(By.cssSelector("[data-key='place']")).isEnabled());
        drawer.findElement(By.cssSelector("[data-key='place']")).click();

        // Stripe.js takes over: loaded now, with the store's key and the order's PaymentIntent, its element in the drawer.
        waitFor(() -> drawer.findElements(By.cssSelector("[data-key='pay']")).size() == 1);
        @SuppressWarnings("unchecked")
        Map<String, Object> stripe = (Map<String, Object>) js("return window.__stripe");
        assertThat(stripe).containsEntry("key", publishableKey).containsEntry("clientSecret", "pi_embedtest_secret_abc")
                .containsEntry("element", "payment");
        assertThat(js("return document.querySelector('shopgraph-drawer #stripe-payment-element')?.slot")).isEqualTo("payment");
        assertThat(drawer.findElements(By.cssSelector("slot[name='payment']"))).hasSize(1);
        StripeWireMock.server().verify(1, WireMock.postRequestedFor(WireMock.urlPathEqualTo("/v1/payment_intents"))
                .withHeader("Authorization", WireMock.equalTo("Bearer " + secretKey))
                .withRequestBody(WireMock.containing("amount=2500")));
        JsonPath orders = store.owner().execute("{ orders(first: 5) { nodes { status cost { totalAmount { amount } } } } }", Map.of());
        assertThat(orders.getList("data.orders.nodes.status")).as(orders.prettify()).containsExactly("PENDING_PAYMENT");
    }

    /**
     * A digital good paid with Stripe in the page: once Stripe.js confirms the payment and Stripe's webhook reaches the
     * service, the confirmation shows the order's download link and license key, and the link serves the file.
     */
    @Test
    void aPaidDigitalOrderShowsItsDownloadLinkAndLicenseKeyOnTheConfirmation() throws Exception {
        TestStore store = TestStores.create("embed-digital");
        tokens.put(store.handle(), store.storefrontToken());
        String secretKey = "sk_test_" + java.util.UUID.randomUUID().toString().replace("-", "");
        String webhookSecret = "whsec_" + java.util.UUID.randomUUID().toString().replace("-", "");
        ok(store.owner().execute("mutation($i: StripeAccountConnectInput!) { stripeAccountConnect(input: $i) { userErrors { field code message } } }",
                Map.of("i", Map.of("publishableKey", "pk_test_" + java.util.UUID.randomUUID().toString().replace("-", ""), "secretKey", secretKey, "webhookSecret", webhookSecret))),
                "stripeAccountConnect");
        String intent = "pi_embeddigital" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        StripeWireMock.server().stubFor(WireMock.post(WireMock.urlPathEqualTo("/v1/payment_intents"))
                .withHeader("Authorization", WireMock.equalTo("Bearer " + secretKey))
                .willReturn(WireMock.aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":\"" + intent + "\",\"object\":\"payment_intent\",\"amount\":900,\"amount_received\":0,"
                                + "\"currency\":\"eur\",\"status\":\"requires_payment_method\",\"client_secret\":\"" + intent + "_secret_d\","
                                + "\"metadata\":{},\"livemode\":false,\"created\":" + java.time.Instant.now().getEpochSecond() + "}")));
        JsonPath created = store.owner().execute("mutation($i: ProductCreateInput!) { productCreate(input: $i) { product { "
                + "variants(first: 1) { nodes { id } } } userErrors { code message } } }", Map.of("i", Map.of("title", "Sourdough E-book",
                        "handle", "sourdough-e-book", "status", "ACTIVE", "kind", "DIGITAL", "publishedAt", "2020-01-01T00:00:00Z",
                        "variants", List.of(Map.of("price", "9.00", "requiresShipping", false)))));
        ok(created, "productCreate");
        String variant = created.getString("data.productCreate.product.variants.nodes[0].id");
        byte[] book = "Flour, water, salt, time.".getBytes(StandardCharsets.UTF_8);
        JsonPath staged = store.owner().execute("mutation($v: ID!, $b: BigInteger!) { digitalFileUploadCreate(variantId: $v, "
                + "fileName: \"sourdough.pdf\", contentType: \"application/pdf\", byteSize: $b) { upload { url } userErrors { code message } } }",
                Map.of("v", variant, "b", book.length));
        ok(staged, "digitalFileUploadCreate");
        String upload = staged.getString("data.digitalFileUploadCreate.upload.url");
        given().contentType("application/octet-stream").body(book).put(upload.startsWith("http") ? URI.create(upload).getRawPath() : upload)
                .then().statusCode(200);
        ok(store.owner().execute("mutation($v: ID!) { licenseKeysAdd(variantId: $v, keys: [\"SOUR-DOUGH-0001\"]) { userErrors { code message } } }",
                Map.of("v", variant)), "licenseKeysAdd");

        open(store, "stripe=1&product=sourdough-e-book");
        SearchContext card = shadow("#card shopgraph-product");
        waitFor(() -> text(card, "h2").equals("Sourdough E-book"));
        card.findElement(By.cssSelector("button.primary")).click();
        SearchContext cart = shadow("#cart shopgraph-cart");
        waitFor(() -> text(cart, ".count").equals("1"));
        cart.findElement(By.cssSelector("button")).click();
        SearchContext drawer = shadow("shopgraph-drawer");
        waitFor(() -> drawer.findElements(By.cssSelector("[data-key='checkout']")).size() == 1);
        drawer.findElement(By.cssSelector("[data-key='checkout']")).click();
        waitFor(() -> drawer.findElements(By.cssSelector("#sg-email")).size() == 1);
        assertThat(drawer.findElements(By.cssSelector("#sg-address1"))).as("nothing ships: no address").isEmpty();
        drawer.findElement(By.cssSelector("#sg-email")).sendKeys("reader@example.com");
        drawer.findElement(By.cssSelector("[data-key='continue']")).click();
        waitFor(() -> drawer.findElement(By.cssSelector("[data-key='place']")).isEnabled());
        drawer.findElement(By.cssSelector("[data-key='place']")).click();
        waitFor(() -> drawer.findElements(By.cssSelector("[data-key='pay']")).size() == 1);

        // Stripe.js confirms the payment in the page; Stripe's webhook tells the service (signed with the store's secret).
        js("window.__stripe.succeed = true");
        drawer.findElement(By.cssSelector("[data-key='pay']")).click();
        waitFor(() -> drawer.findElements(By.cssSelector("p[data-order]")).size() == 1);
        String payment = inStore(store, em -> em.createNativeQuery("select id::text from payments.payment where provider_reference = ?1")
                .setParameter(1, intent).getSingleResult().toString());
        java.time.Instant now = java.time.Instant.now();
        String event = "{\"id\":\"evt_" + intent + "\",\"object\":\"event\",\"api_version\":\"2025-06-30.basil\",\"created\":"
                + now.getEpochSecond() + ",\"livemode\":false,\"pending_webhooks\":1,\"request\":{\"id\":null,\"idempotency_key\":null},"
                + "\"type\":\"payment_intent.succeeded\",\"data\":{\"object\":{\"id\":\"" + intent + "\",\"object\":\"payment_intent\","
                + "\"amount\":900,\"amount_received\":900,\"currency\":\"eur\",\"status\":\"succeeded\",\"client_secret\":\"" + intent
                + "_secret_d\",\"last_payment_error\":null,\"metadata\":{\"shopgraph_payment_id\":\"" + payment + "\"}}}}";
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(webhookSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = "t=" + now.getEpochSecond() + ",v1=" + java.util.HexFormat.of()
                .formatHex(mac.doFinal((now.getEpochSecond() + "." + event).getBytes(StandardCharsets.UTF_8)));
        given().header("Stripe-Signature", signature).contentType("application/json").body(event)
                .post("/webhooks/stripe/" + store.id().value()).then().statusCode(200);

        // The confirmation asks for the delivery until it is made: the link and the key appear, and the link serves the file.
        waitFor(() -> drawer.findElements(By.cssSelector("[data-delivery='ready']")).size() == 1);
        WebElement link = drawer.findElement(By.cssSelector("a[data-download]"));
        assertThat(link.getText()).isEqualTo("sourdough.pdf");
        assertThat(text(drawer, "code[data-license-key]")).isEqualTo("SOUR-DOUGH-0001");
        String href = link.getAttribute("href");
        assertThat(href).as("resolved against the API, not the seller's page").startsWith("http://localhost:" + RestAssured.port + "/downloads/");
        Response file = given().when().get(URI.create(href).getRawPath());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.asByteArray()).isEqualTo(book);
        assertNoSeriousAccessibilityViolations("the confirmation with downloads");
        Files.write(SHOTS.resolve("embed-confirmation-digital.png"), ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    /** On the drawer's checkout step: the shopper's email and a French address, then the delivery options appear. */
    private static void enterContactAndAddress(SearchContext drawer) {
        drawer.findElement(By.cssSelector("[data-key='checkout']")).click();
        waitFor(() -> drawer.findElements(By.cssSelector("#sg-email")).size() == 1);
        drawer.findElement(By.cssSelector("#sg-email")).sendKeys("ada@example.com");
        drawer.findElement(By.cssSelector("#sg-firstName")).sendKeys("Ada");
        drawer.findElement(By.cssSelector("#sg-lastName")).sendKeys("Lovelace");
        drawer.findElement(By.cssSelector("#sg-address1")).sendKeys("1 rue de Rivoli");
        drawer.findElement(By.cssSelector("#sg-city")).sendKeys("Paris");
        drawer.findElement(By.cssSelector("#sg-zip")).sendKeys("75001");
        assertThat(drawer.findElement(By.cssSelector("#sg-countryCode")).getAttribute("value")).as("the store's country").isEqualTo("FR");
        drawer.findElement(By.cssSelector("[data-key='continue']")).click();
        waitFor(() -> drawer.findElements(By.cssSelector("input[name='delivery']")).size() == 1);
    }

    static void shipsToFrance(TestStore store) {
        ok(store.owner().execute("mutation($i: ShippingZoneInput!) { shippingZoneCreate(input: $i) { userErrors { field code message } } }",
                Map.of("i", Map.of("name", "France", "countries", List.of("FR"),
                        "rates", List.of(Map.of("title", "Colissimo", "kind", "FLAT", "price", "5.00"))))), "shippingZoneCreate");
    }

    /**
     * The rest of the shopper's visit, all in the page: a code in the drawer, checkout with email and address, a
     * delivery option, the order placed with the manual provider (the store has no Stripe account) and its
     * confirmation; then the merchant API has the order with that discount and shipping, and the analytics figures.
     */
    private static void checkoutWithACodeAndDeliveryAndTheManualProvider(TestStore store, SearchContext cart) throws Exception {
        ok(store.owner().execute("mutation($i: DiscountInput!) { discountCreate(input: $i) { userErrors { field code message } } }",
                Map.of("i", Map.of("code", "SPRING10", "title", "Spring", "kind", "PERCENTAGE", "percentage", "10"))), "discountCreate");
        shipsToFrance(store);

        cart.findElement(By.cssSelector("button")).click();
        SearchContext drawer = shadow("shopgraph-drawer");
        waitFor(() -> drawer.findElements(By.cssSelector("li.line")).size() == 3);
        drawer.findElement(By.cssSelector("#sg-code")).sendKeys("spring10");
        drawer.findElement(By.cssSelector("[data-key='apply']")).click();
        // 10% off the €58.00 of lines.
        waitFor(() -> text(drawer, "dd.total").equals("€52.20"));
        assertThat(drawer.findElement(By.cssSelector(".body")).getText()).contains("SPRING10", "-€5.80");

        enterContactAndAddress(drawer);
        assertThat(drawer.findElement(By.cssSelector("fieldset label.choice")).getText()).isEqualTo("Colissimo · €5.00");
        assertThat(drawer.findElement(By.cssSelector("[data-key='place']")).isEnabled()).as("no delivery option chosen yet").isFalse();
        drawer.findElement(By.cssSelector("input[name='delivery']")).click();
        waitFor(() -> text(drawer, "dd.total").equals("€57.20"));
        assertThat(text(drawer, "dl")).contains("Shipping\n€5.00");
        waitFor(() -> drawer.findElement(By.cssSelector("[data-key='place']")).isEnabled());
        drawer.findElement(By.cssSelector("[data-key='place']")).click();

        waitFor(() -> drawer.findElements(By.cssSelector("p[data-order]")).size() == 1);
        String name = drawer.findElement(By.cssSelector("p[data-order]")).getAttribute("data-order");
        assertThat(name).as("the store's first order").isEqualTo("#1001");
        assertThat(text(drawer, "p[data-order]")).isEqualTo("Your order #1001 is placed.");
        assertThat(drawer.findElement(By.cssSelector(".body")).getText()).as("the manual provider's instructions").contains("quoting order #1001");
        assertNoSeriousAccessibilityViolations("the confirmation");
        Files.write(SHOTS.resolve("embed-confirmation.png"), ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        drawer.findElement(By.cssSelector("[data-key='done']")).click();
        waitFor(() -> text(cart, ".count").equals("0"));

        // The merchant's view: the one order, with the code's discount, the shipping and the shopper's address.
        JsonPath orders = store.owner().execute("{ orders(first: 5) { nodes { name email status cost { subtotalAmount { amount } "
                + "discountAmount { amount } shippingAmount { amount } totalAmount { amount } } shippingAddress { firstName city zip countryCode } } } }",
                Map.of());
        assertThat(orders.getList("errors")).as(orders.prettify()).isNull();
        assertThat(orders.getList("data.orders.nodes.name")).containsExactly(name);
        assertThat(orders.getString("data.orders.nodes[0].email")).isEqualTo("ada@example.com");
        assertThat(orders.getString("data.orders.nodes[0].cost.subtotalAmount.amount")).isEqualTo("58.00");
        assertThat(orders.getString("data.orders.nodes[0].cost.discountAmount.amount")).isEqualTo("5.80");
        assertThat(orders.getString("data.orders.nodes[0].cost.shippingAmount.amount")).isEqualTo("5.00");
        assertThat(orders.getString("data.orders.nodes[0].cost.totalAmount.amount")).as("what the drawer showed").isEqualTo("57.20");
        assertThat(orders.getString("data.orders.nodes[0].shippingAddress.city")).isEqualTo("Paris");
        assertThat(orders.getString("data.orders.nodes[0].shippingAddress.countryCode")).isEqualTo("FR");

        // The analytics figures: one checkout started, one order.
        OutboxDrain.await("analytics.facts", List.of(store));
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        JsonPath report = store.owner().execute("query($d: Date!) { storeAnalytics(from: $d, to: $d, timezone: \"UTC\") { "
                + "totals { checkoutsStarted orders } } }", Map.of("d", today));
        assertThat(report.getList("errors")).as(report.prettify()).isNull();
        assertThat(report.getInt("data.storeAnalytics.totals.checkoutsStarted")).isEqualTo(1);
        assertThat(report.getInt("data.storeAnalytics.totals.orders")).isEqualTo(1);
    }

    @Test
    void aHostileStylesheetOnTheHostPageChangesNoPixelOfTheWidgetsAndAxeFindsNothingSerious() throws Exception {
        TestStore store = catalog("embed-css");
        open(store, "");
        byte[][] plain = widgetShots();
        assertNoSeriousAccessibilityViolations("the card, grid and cart icon");
        Files.write(SHOTS.resolve("embed-card.png"), plain[0]);
        Files.write(SHOTS.resolve("embed-grid.png"), plain[1]);

        open(store, "hostile=1");
        assertThat((String) js("return getComputedStyle(document.querySelector('h1')).fontFamily")).as("the stylesheet is in force on the page")
                .contains("Comic Sans");
        byte[][] hostile = widgetShots();
        Files.write(SHOTS.resolve("embed-card-hostile-page.png"), hostile[0]);
        for (int i = 0; i < plain.length; i++) {
            assertSamePixels(plain[i], hostile[i], new String[] { "product card", "collection grid", "cart icon" }[i]);
        }
    }

    @Test
    void withoutConsentTheWidgetStartsNoSessionUntilThePageGivesIt() {
        TestStore store = catalog("embed-consent");
        open(store, "consent=pending&utm_source=ads");
        SearchContext card = shadow("#card shopgraph-product");
        waitFor(() -> text(card, "h2").equals("Alpine Shirt"));
        card.findElement(By.cssSelector("button.primary")).click();
        waitFor(() -> text(card, ".status").equals("Added to cart."));
        assertThat(requests("sessionStart")).isEmpty();
        assertThat(sessions(store)).isZero();

        js("window.ShopGraph.consent(true)");
        waitFor(() -> requests("sessionStart").size() == 1);
        waitFor(() -> sessions(store) == 1);
    }

    // --- the store ----------------------------------------------------------------------------------------------

    /** Alpine Shirt (S/M/L at 20/21/22), Mug (8), Engraved Pen (12, a required engraving); collection Gifts: Mug, Pen, Shirt. */
    static TestStore catalog(String label) {
        TestStore store = TestStores.create(label);
        tokens.put(store.handle(), store.storefrontToken());
        String shirt = product(store, "Alpine Shirt", List.of(Map.of("price", "20.00", "optionValues", List.of("S")),
                Map.of("price", "21.00", "optionValues", List.of("M")), Map.of("price", "22.00", "optionValues", List.of("L"))));
        String mug = product(store, "Mug", List.of(Map.of("price", "8.00")));
        String pen = product(store, "Engraved Pen", List.of(Map.of("price", "12.00")));
        String penVariant = store.owner().execute("query($id: ID!) { product(id: $id) { variants(first: 1) { nodes { id } } } }", Map.of("id", pen))
                .getString("data.product.variants.nodes[0].id");
        ok(store.owner().execute("mutation($v: ID!, $a: [LineAttributeDeclarationInput!]!) { productVariantLineAttributesSet(variantId: $v, "
                + "lineAttributes: $a) { userErrors { code message } } }", Map.of("v", penVariant, "a",
                        List.of(Map.of("key", "engraving", "type", "TEXT", "required", true, "maxLength", 20)))), "productVariantLineAttributesSet");
        JsonPath collection = store.owner().execute("mutation($i: CollectionCreateInput!) { collectionCreate(input: $i) { collection { id } "
                + "userErrors { code message } } }", Map.of("i", Map.of("title", "Gifts", "handle", "gifts")));
        ok(collection, "collectionCreate");
        ok(store.owner().execute("mutation($id: ID!, $p: [String!]!) { collectionAddProducts(id: $id, productIds: $p) { userErrors { code message } } }",
                Map.of("id", collection.getString("data.collectionCreate.collection.id"), "p", List.of(mug, pen, shirt))), "collectionAddProducts");
        return store;
    }

    static String product(TestStore store, String title, List<Map<String, Object>> variants) {
        Map<String, Object> input = new HashMap<>(Map.of("title", title, "status", "ACTIVE", "variants", variants));
        if (variants.size() > 1) {
            input.put("options", List.of(Map.of("name", "Size", "values", variants.stream().map(v -> ((List<?>) v.get("optionValues")).get(0)).toList())));
        }
        JsonPath created = store.owner().execute("mutation($i: ProductCreateInput!) { productCreate(input: $i) { product { id } "
                + "userErrors { field code message } } }", Map.of("i", input));
        ok(created, "productCreate");
        return created.getString("data.productCreate.product.id");
    }

    static void ok(JsonPath body, String field) {
        assertThat(body.getList("errors")).as(body.prettify()).isNull();
        assertThat(body.getList("data." + field + ".userErrors")).as(body.prettify()).isEmpty();
    }

    static List<String> eventTypes(TestStore store) {
        return inStore(store, em -> em.createNativeQuery("select type from cart.session_event").getResultList().stream().map(Object::toString).toList());
    }

    static long sessions(TestStore store) {
        return inStore(store, em -> ((Number) em.createNativeQuery("select count(*) from cart.shopper_session").getSingleResult()).longValue());
    }

    static <T> T inStore(TestStore store, java.util.function.Function<EntityManager, T> work) {
        return InStore.call(store, work);
    }

    // --- the page -----------------------------------------------------------------------------------------------

    /** A fresh visit: another origin, storage cleared (a new shopper), then the page with these query parameters. */
    private static void open(TestStore store, String query) {
        browser.get(pageOrigin + "/blank");
        js("localStorage.clear()");
        browser.get(pageOrigin + "/shop.html?store=" + store.handle() + (query.isEmpty() ? "" : "&" + query));
        waitFor(() -> Boolean.TRUE.equals(js("return !!document.querySelector('#card shopgraph-product')?.shadowRoot?.querySelector('h2')")));
    }

    private static byte[][] widgetShots() {
        SearchContext grid = shadow("#grid shopgraph-collection");
        waitFor(() -> grid.findElements(By.cssSelector("shopgraph-product")).size() == 2);
        waitFor(() -> text(shadow("#cart shopgraph-cart"), ".count").equals("0"));
        return new byte[][] { element("#card shopgraph-product").getScreenshotAs(OutputType.BYTES),
                element("#grid shopgraph-collection").getScreenshotAs(OutputType.BYTES),
                element("#cart shopgraph-cart").getScreenshotAs(OutputType.BYTES) };
    }

    private static void assertSamePixels(byte[] expectedPng, byte[] actualPng, String what) throws IOException {
        BufferedImage expected = ImageIO.read(new ByteArrayInputStream(expectedPng));
        BufferedImage actual = ImageIO.read(new ByteArrayInputStream(actualPng));
        assertThat(actual.getWidth() + "x" + actual.getHeight()).as(what + ": size").isEqualTo(expected.getWidth() + "x" + expected.getHeight());
        long different = 0;
        for (int y = 0; y < expected.getHeight(); y++) {
            for (int x = 0; x < expected.getWidth(); x++) {
                if (channelDistance(expected.getRGB(x, y), actual.getRGB(x, y)) > ANTIALIASING) {
                    different++;
                }
            }
        }
        assertThat(different).as(what + ": pixels that differ").isZero();
    }

    /**
     * Chromium's software rasteriser blends the antialiased edge of a rounded corner with what lies beneath a little
     * differently from one paint to the next (up to 9 levels in 255 were seen, on a few edge pixels); anything the page's
     * stylesheet did would move text or change colours by far more, on hundreds of pixels (as seen while writing this).
     */
    static final int ANTIALIASING = 16;

    private static int channelDistance(int a, int b) {
        int max = 0;
        for (int shift = 0; shift <= 16; shift += 8) {
            max = Math.max(max, Math.abs(((a >> shift) & 0xff) - ((b >> shift) & 0xff)));
        }
        return max;
    }

    @SuppressWarnings("unchecked")
    private static void assertNoSeriousAccessibilityViolations(String what) {
        if (!Boolean.TRUE.equals(js("return !!window.axe"))) {
            js("const s = document.createElement('script'); s.src = '/axe.min.js'; document.head.append(s);");
            waitFor(() -> Boolean.TRUE.equals(js("return !!window.axe")));
        }
        List<Map<String, Object>> violations = (List<Map<String, Object>>) ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { resultTypes: ['violations'] })
                  .then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => ({ id: v.id, impact: v.impact, nodes: v.nodes.map(n => JSON.stringify(n.target) + ' ' + n.failureSummary) }))))
                  .catch(e => done([{ id: 'axe failed', impact: String(e) }]));
                """);
        assertThat(violations).as(what).isEmpty();
    }

    private static SearchContext shadow(String css) {
        waitFor(() -> Boolean.TRUE.equals(js("return !!document.querySelector(arguments[0])?.shadowRoot", css)));
        return element(css).getShadowRoot();
    }

    private static WebElement element(String css) {
        return browser.findElement(By.cssSelector(css));
    }

    private static SearchContext tile(SearchContext grid, String title) {
        for (WebElement product : grid.findElements(By.cssSelector("shopgraph-product"))) {
            SearchContext root = product.getShadowRoot();
            if (text(root, "h3").equals(title)) {
                return root;
            }
        }
        throw new AssertionError("No tile " + title);
    }

    private static String lineIdOf(SearchContext drawer, String name) {
        for (WebElement line : drawer.findElements(By.cssSelector("li.line"))) {
            if (line.findElement(By.cssSelector("p")).getText().equals(name)) {
                String key = line.findElement(By.cssSelector("input[type='number']")).getAttribute("data-key");
                return key.substring(2);
            }
        }
        throw new AssertionError("No line " + name);
    }

    private static String text(SearchContext root, String css) {
        List<WebElement> found = root.findElements(By.cssSelector(css));
        return found.isEmpty() ? "" : found.get(0).getText().trim();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> requests(String operation) {
        List<Map<String, Object>> all = (List<Map<String, Object>>) js("return window.__requests || []");
        return operation.isEmpty() ? all : all.stream().filter(r -> operation.equals(r.get("op"))).toList();
    }

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    private static void waitFor(BooleanSupplier condition) {
        try {
            new WebDriverWait(browser, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(driver -> condition.getAsBoolean());
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("The page did not get there; requests " + requests(""), e);
        }
    }
}
