package io.shopgraph.embed.application;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.shopgraph.platform.kernel.DemoConfig;

import io.quarkus.arc.profile.IfBuildProfile;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;

/**
 * Dev mode only: {@code GET /embed/demo}, a seller's page on the Demo Store with a product card, a buy button, a
 * collection grid and the cart (src/main/embed/demo.html). Not built into other profiles.
 */
@IfBuildProfile("dev")
@ApplicationScoped
public class EmbedDemoRoute {

    private final String page;

    EmbedDemoRoute(DemoConfig demo) {
        try (InputStream in = EmbedDemoRoute.class.getClassLoader().getResourceAsStream("embed/src/demo.html")) {
            this.page = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("__TOKEN__", demo.storefrontToken());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void install(@Observes Router router) {
        router.get("/embed/demo").handler(ctx -> ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store").end(page));
    }
}
