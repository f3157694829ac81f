package io.shopgraph.embed.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Serves the embed: {@code GET /embed/v1/shopgraph.js}, the loader a seller's snippet names (cached briefly, so a
 * release reaches every page within {@code shopgraph.embed.loader-max-age} without the snippet changing), and
 * {@code GET /embed/v1/<hash>/shopgraph.mjs}, the widget itself, immutable and cached for a year because its name
 * changes with its content. Another well-formed hash (a page that read its loader from an instance of another release,
 * during a rolling deploy) is redirected, uncached, to this release's module rather than answered 404: the loader only
 * imports the module, so any release's module works under any release's loader, and a shop never breaks mid-deploy.
 * CORS headers come from
 * {@code platform.security.CorsRoute}, which answers every path: the loader imports the module cross-origin.
 */
@ApplicationScoped
public class EmbedRoutes {

    static final String PREFIX = "/embed/v1/";
    static final String JS = "text/javascript; charset=utf-8";
    static final String IMMUTABLE = "public, max-age=31536000, immutable";

    private final EmbedBundle bundle;
    private final String loaderCacheControl;

    EmbedRoutes(EmbedConfig config) {
        this.bundle = EmbedBundle.fromClasspath();
        this.loaderCacheControl = "public, max-age=" + config.loaderMaxAge().toSeconds();
    }

    void install(@Observes Router router) {
        router.get(PREFIX + "shopgraph.js").handler(ctx -> send(ctx, bundle.loader(), bundle.loaderGzipped(), loaderCacheControl,
                "\"" + bundle.hash() + "\""));
        router.getWithRegex("/embed/v1/([0-9a-f]{16})/shopgraph\\.mjs").handler(ctx -> {
            if (!bundle.hash().equals(ctx.pathParam("param0"))) {
                // Temporary and never cached: once every instance runs one release, its hash is the only one asked for.
                ctx.response().setStatusCode(307).putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                        .putHeader(HttpHeaders.LOCATION, PREFIX + bundle.modulePath()).end();
                return;
            }
            send(ctx, bundle.module(), bundle.gzipped(), IMMUTABLE, "\"" + bundle.hash() + "\"");
        });
    }

    /** The bundle the routes serve (tests compare it with what the build measured). */
    public EmbedBundle bundle() {
        return bundle;
    }

    private static void send(RoutingContext ctx, byte[] plain, byte[] gzipped, String cacheControl, String etag) {
        var response = ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, JS).putHeader(HttpHeaders.CACHE_CONTROL, cacheControl)
                .putHeader(HttpHeaders.ETAG, etag).putHeader(HttpHeaders.VARY, "Accept-Encoding")
                .putHeader("X-Content-Type-Options", "nosniff");
        if (etag.equals(ctx.request().getHeader(HttpHeaders.IF_NONE_MATCH))) {
            response.setStatusCode(304).end();
            return;
        }
        String accepted = ctx.request().getHeader(HttpHeaders.ACCEPT_ENCODING);
        if (accepted != null && accepted.contains("gzip")) {
            response.putHeader(HttpHeaders.CONTENT_ENCODING, "gzip").end(Buffer.buffer(gzipped));
        } else {
            response.end(Buffer.buffer(plain));
        }
    }
}
