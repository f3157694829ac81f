package io.shopgraph.payments.infra.stripe;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.shopgraph.payments.application.PaymentsConfig;
import io.shopgraph.payments.application.StripeWebhooks;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * {@code POST /webhooks/stripe/{store}}: Stripe's deliveries for one store, {@code {store}} being the store's
 * UUID (the URL the merchant pastes into Stripe's dashboard). The raw body is kept as sent, because the
 * signature is over its exact bytes. Answers 200 once an event is applied or known, 400 for anything
 * unsigned, stale, tampered or for a store without Stripe, and never says more than that.
 */
@ApplicationScoped
public class StripeWebhookRoute {

    private static final Logger LOG = Logger.getLogger(StripeWebhookRoute.class);

    private final StripeWebhooks webhooks;
    private final PaymentsConfig config;

    StripeWebhookRoute(StripeWebhooks webhooks, PaymentsConfig config) {
        this.webhooks = webhooks;
        this.config = config;
    }

    void install(@Observes Router router) {
        router.route(HttpMethod.POST, "/webhooks/stripe/:store")
                .handler(BodyHandler.create(false).setBodyLimit(config.stripe().maxWebhookBytes()))
                .blockingHandler(this::handle, false);
    }

    private void handle(RoutingContext ctx) {
        String body = ctx.body() == null || ctx.body().buffer() == null ? "" : ctx.body().asString("UTF-8");
        int status;
        try {
            status = webhooks.handle(ctx.pathParam("store"), body, ctx.request().getHeader("Stripe-Signature")).status;
        } catch (RuntimeException e) {
            LOG.error("Stripe webhook failed; Stripe will retry it", e);
            status = 500;
        }
        ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json").setStatusCode(status)
                .end(status == 200 ? "{\"received\":true}" : status == 400 ? "{\"error\":\"refused\"}" : "{\"error\":\"retry\"}");
    }
}
