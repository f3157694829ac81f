package io.shopgraph.orders.infra;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.shopgraph.orders.application.OrderBalances;
import io.shopgraph.orders.application.OrdersConfig;
import io.shopgraph.payments.api.PaymentProvider;
import io.shopgraph.payments.api.PaymentStatus;
import io.shopgraph.platform.kernel.Money;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /pay/{token}}: the minimal hosted page of a balance payment link. It has no storefront token: the store
 * named in the link token is bound, and the token is then looked up inside it (a forged or foreign token finds
 * nothing: 404, the same page as for a made-up one). Stripe: loads Stripe.js and mounts the Payment Element on the
 * PaymentIntent's client secret; manual provider: the instructions. It only reads (no provider call, no write).
 */
@ApplicationScoped
public class PaymentLinkPage {

    private static final Logger LOG = Logger.getLogger(PaymentLinkPage.class);

    private final OrderBalances balances;
    private final OrdersConfig config;

    PaymentLinkPage(OrderBalances balances, OrdersConfig config) {
        this.balances = balances;
        this.config = config;
    }

    void install(@Observes Router router) {
        router.route(HttpMethod.GET, "/pay/:token").blockingHandler(this::handle, false);
    }

    private void handle(RoutingContext ctx) {
        String token = ctx.pathParam("token");
        Optional<OrderBalances.Link> link;
        try {
            link = balances.linkForPage(token);
        } catch (RuntimeException e) {
            LOG.warn("payment link page failed", e);
            page(ctx, 500, "Payment", "<p>This page is not available right now. Try again in a moment.</p>", "");
            return;
        }
        if (link.isEmpty()) {
            page(ctx, 404, "Payment link not found", "<p>This payment link is not valid.</p>", "");
            return;
        }
        OrderBalances.Link l = link.get();
        String order = "#" + l.request().orderNumber();
        String amount = Money.of(l.request().amountMinor(), l.request().currencyCode()).amount().toPlainString() + " "
                + l.request().currencyCode();
        String heading = "<h1>Order " + escape(order) + "</h1><p>Balance to pay: <strong id=\"amount\">" + escape(amount) + "</strong></p>";
        PaymentStatus status = l.payment() == null ? null : l.payment().status();
        if (status == PaymentStatus.SUCCEEDED) {
            page(ctx, 200, "Paid", heading + "<p id=\"status\">This balance is paid. Thank you.</p>", "");
            return;
        }
        if (status == null || status == PaymentStatus.CANCELED) {
            page(ctx, 200, "Payment", heading + "<p id=\"status\">This payment is not open. Contact the shop.</p>", "");
            return;
        }
        if (l.payment().provider() == PaymentProvider.MANUAL) {
            page(ctx, 200, "Payment", heading + "<p id=\"instructions\">Pay as the shop instructs (e.g. bank transfer) quoting order "
                    + escape(order) + ". The balance is settled when the shop receives the money.</p>", "");
            return;
        }
        String script = "<script src=\"" + escape(config.stripeJsUrl()) + "\"></script>\n<script>\n"
                + "const stripe = Stripe(" + js(l.settings().publishableKey()) + ");\n"
                + "const elements = stripe.elements({ clientSecret: " + js(l.payment().clientSecret()) + " });\n"
                + "elements.create('payment').mount('#payment-element');\n"
                + "document.getElementById('pay-form').addEventListener('submit', async (e) => {\n"
                + "  e.preventDefault();\n"
                + "  const { error } = await stripe.confirmPayment({ elements, confirmParams: { return_url: window.location.href } });\n"
                + "  if (error) { document.getElementById('message').textContent = error.message; }\n"
                + "});\n</script>";
        page(ctx, 200, "Payment", heading + "<form id=\"pay-form\"><div id=\"payment-element\"></div>"
                + "<button type=\"submit\">Pay " + escape(amount) + "</button><p id=\"message\" role=\"alert\"></p></form>", script);
    }

    private static void page(RoutingContext ctx, int status, String title, String body, String script) {
        String html = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, "
                + "initial-scale=1\"><meta name=\"robots\" content=\"noindex\"><title>" + escape(title) + "</title>"
                + "<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem}button{margin-top:1rem;"
                + "padding:.6rem 1.2rem}</style></head><body>" + body + script + "</body></html>";
        ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8").putHeader("Cache-Control", "no-store")
                .putHeader("Referrer-Policy", "no-referrer").putHeader("X-Content-Type-Options", "nosniff")
                .setStatusCode(status).end(html);
    }

    private static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A JavaScript string literal that cannot close the script element. */
    private static String js(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.') {
                out.append(c);
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out.append('"').toString();
    }
}
