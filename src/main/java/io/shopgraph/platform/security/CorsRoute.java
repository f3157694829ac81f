package io.shopgraph.platform.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Lets pages on any site call the API from a browser (CORS), answered here, in front of every other route,
 * so a preflight never reaches authentication or the GraphQL engine.
 * <p>
 * Every response says {@code Access-Control-Allow-Origin: *}, and no response ever allows credentials:
 * callers prove who they are with the token headers below, never with cookies, so a page on another site
 * can read only what its own tokens open. The wildcard (rather than the caller's origin echoed back) keeps
 * answers identical for every origin, so shared caches need no {@code Vary: Origin}. Which sites may use a
 * given storefront token is a separate, per-token setting (the token's allowed origins, checked where the
 * token is resolved); Quarkus's own CORS filter is not used because it always sends
 * {@code Access-Control-Allow-Credentials} and echoes the origin without {@code Vary}.
 */
@ApplicationScoped
public class CorsRoute {

    /** The request headers a browser page may send: the ShopGraph credentials and the JSON body's type. */
    public static final String ALLOWED_HEADERS = String.join(", ", "Content-Type", "Accept", "Accept-Language",
            RequestCredentials.STOREFRONT_TOKEN, RequestCredentials.CUSTOMER_TOKEN, "X-Session-Token",
            "Authorization", RequestCredentials.STORE_ID, "Cache-Control");
    static final String ALLOWED_METHODS = "GET, POST, OPTIONS";
    /** Response headers a page's script may read besides the basic ones. */
    static final String EXPOSED_HEADERS = "X-ShopGraph-Cache, Retry-After";

    private final String maxAgeSeconds;

    CorsRoute(CorsConfig config) {
        this.maxAgeSeconds = Long.toString(config.maxAge().toSeconds());
    }

    void install(@Observes Router router) {
        // Before Quarkus's authentication and every ShopGraph route (GraphQLRequestGuard is at -101).
        router.route().order(-10_000).handler(this::handle);
    }

    private void handle(RoutingContext ctx) {
        var request = ctx.request();
        var response = ctx.response();
        response.putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
        if (request.method() == HttpMethod.OPTIONS && request.getHeader(HttpHeaders.ORIGIN) != null
                && request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD) != null) {
            response.setStatusCode(204)
                    .putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, ALLOWED_METHODS)
                    .putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, ALLOWED_HEADERS)
                    .putHeader(HttpHeaders.ACCESS_CONTROL_MAX_AGE, maxAgeSeconds)
                    .end();
            return;
        }
        response.putHeader(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, EXPOSED_HEADERS);
        ctx.next();
    }
}
