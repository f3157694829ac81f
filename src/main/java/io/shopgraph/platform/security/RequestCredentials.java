package io.shopgraph.platform.security;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.shopgraph.platform.errors.ApiException;
import io.shopgraph.platform.kernel.GlobalId;
import io.shopgraph.platform.kernel.StoreId;
import io.vertx.ext.web.RoutingContext;

/** The ShopGraph headers of the current HTTP request; all empty outside HTTP. */
@RequestScoped
public class RequestCredentials {

    public static final String STOREFRONT_TOKEN = "X-Storefront-Token";
    public static final String STORE_ID = "X-Store-Id";
    public static final String CUSTOMER_TOKEN = "X-Customer-Token";
    /** A shopper session's token (sessionStart), so that cart mutations record their events in the session. */
    public static final String SESSION_TOKEN = "X-Session-Token";

    private final CurrentVertxRequest request;

    RequestCredentials(CurrentVertxRequest request) {
        this.request = request;
    }

    public Optional<String> storefrontToken() {
        return header(STOREFRONT_TOKEN);
    }

    /** The browser origin of the page that sent the request; absent outside browsers. */
    public Optional<String> origin() {
        return header("Origin");
    }

    public Optional<String> customerToken() {
        return header(CUSTOMER_TOKEN);
    }

    public Optional<String> sessionToken() {
        return header(SESSION_TOKEN);
    }

    /**
     * The client's address as the HTTP layer sees it (behind a proxy, set
     * quarkus.http.proxy.proxy-address-forwarding so it is the forwarded one); "unknown" outside HTTP.
     */
    public String clientAddress() {
        RoutingContext current = request.getCurrent();
        if (current == null || current.request().remoteAddress() == null) {
            return "unknown";
        }
        return current.request().remoteAddress().hostAddress();
    }

    /** The store a multi-store merchant picked: a Shop global id or a bare UUID. */
    public Optional<StoreId> requestedStore() {
        return header(STORE_ID).map(RequestCredentials::parseStoreId);
    }

    private static StoreId parseStoreId(String value) {
        Optional<UUID> global = GlobalId.parse(value, "Shop");
        if (global.isPresent()) {
            return new StoreId(global.get());
        }
        try {
            return new StoreId(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("The " + STORE_ID + " header is not a store id.");
        }
    }

    private Optional<String> header(String name) {
        RoutingContext current = request.getCurrent();
        if (current == null) {
            return Optional.empty();
        }
        String value = current.request().getHeader(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }
}
