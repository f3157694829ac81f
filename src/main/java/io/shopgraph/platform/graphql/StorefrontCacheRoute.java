package io.shopgraph.platform.graphql;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import io.shopgraph.platform.cache.StorefrontCache;
import io.shopgraph.platform.cache.StorefrontCache.Hit;
import io.shopgraph.platform.cache.StorefrontCache.Stamp;
import io.shopgraph.platform.kernel.StoreId;
import io.shopgraph.platform.security.RequestCredentials;
import io.shopgraph.platform.security.StoreAccessResolver;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Serves storefront catalog reads from the {@link StorefrontCache} on the event loop, before SmallRye
 * (docs/performance.md). A request qualifies when it carries a storefront token the instance already
 * knows to be live and no other credential (no customer token, no bearer, no store choice, no
 * {@code Cache-Control: no-cache}), and every operation of its document is a query made only of
 * public catalog fields. A hit answers the stored body; a miss goes on to SmallRye with a pending
 * marker, and {@link StorefrontCacheInstrumentation} stores the error-free result. Documents holding a
 * mutation are marked so that the store's responses are invalidated after they ran.
 */
@ApplicationScoped
public class StorefrontCacheRoute {

    /** The header telling clients (and tests) whether the cache answered. */
    public static final String CACHE_HEADER = "X-ShopGraph-Cache";
    static final String PENDING = "shopgraph.storefront-cache.pending";
    static final String MUTATION = "shopgraph.storefront-cache.mutation";

    /** Root fields whose answers depend only on the store's catalog, inventory and store settings. */
    static final Set<String> CACHEABLE_ROOTS = Set.of("products", "product", "collections", "collection", "search", "node",
            "nodes", "shop", "__typename");
    private static final int MAX_DOCUMENTS = 4096;
    private static final long LEADER_TIMEOUT_MILLIS = 10_000;
    private static final String GID = "gid://shopgraph/";

    enum Kind {
        CACHEABLE, CACHEABLE_IF_NODE_TYPES_ALLOWED, MUTATION, OTHER
    }

    /** A miss on its way through SmallRye; {@code stored} hands the stored body to requests waiting for it. */
    record Pending(StoreId store, String variant, String request, Stamp stamp, java.util.function.Consumer<Hit> stored) {
    }

    private record FlightKey(StoreId store, String variant, String request) {
    }

    /** Identical misses arriving while one is computed wait for its result instead of computing it again. */
    private final class Flight {
        private final FlightKey key;
        private final List<Waiter> waiters = new java.util.ArrayList<>();
        private boolean done;

        Flight(FlightKey key) {
            this.key = key;
        }

        synchronized boolean join(Waiter waiter) {
            if (done) {
                return false;
            }
            waiters.add(waiter);
            return true;
        }

        /** Answers the waiters with the stored body, or (null) lets each of them go to SmallRye itself. */
        void finish(Hit hit) {
            List<Waiter> released;
            synchronized (this) {
                if (done) {
                    return;
                }
                done = true;
                released = List.copyOf(waiters);
            }
            flights.remove(key, this);
            for (Waiter w : released) {
                w.context().runOnContext(v -> {
                    if (hit != null) {
                        answer(w.ctx(), hit);
                    } else {
                        w.ctx().next();
                    }
                });
            }
        }
    }

    private record Waiter(RoutingContext ctx, io.vertx.core.Context context) {
    }

    private final StorefrontCache cache;
    private final Instance<StoreAccessResolver> resolver;
    private final Set<String> nodeTypes;
    private final Map<String, Kind> kinds = new ConcurrentHashMap<>();
    private final Map<FlightKey, Flight> flights = new ConcurrentHashMap<>();

    StorefrontCacheRoute(StorefrontCache cache, Instance<StoreAccessResolver> resolver,
            @ConfigProperty(name = "shopgraph.storefront-cache.node-types", defaultValue = "Product,ProductVariant,ProductImage,Collection,Shop")
            List<String> nodeTypes) {
        this.cache = cache;
        this.resolver = resolver;
        this.nodeTypes = Set.copyOf(nodeTypes);
    }

    void install(@Observes Router router) {
        if (cache.enabled()) {
            router.route(HttpMethod.POST, "/graphql").order(-99).handler(this::handle);
        }
    }

    private void handle(RoutingContext ctx) {
        String document = document(ctx);
        if (document == null) {
            ctx.next();
            return;
        }
        Kind kind = kinds.get(document);
        if (kind != null) {
            handle(ctx, kind);
            return;
        }
        ctx.vertx().<Kind>executeBlocking(() -> classify(document), false).onComplete(result -> {
            Kind computed = result.succeeded() ? result.result() : Kind.OTHER;
            if (kinds.size() >= MAX_DOCUMENTS) {
                kinds.clear();
            }
            kinds.put(document, computed);
            handle(ctx, computed);
        });
    }

    private void handle(RoutingContext ctx, Kind kind) {
        if (kind == Kind.MUTATION) {
            ctx.put(MUTATION, Boolean.TRUE);
            ctx.next();
            return;
        }
        if (kind == Kind.OTHER || !cache.active()) {
            ctx.next();
            return;
        }
        var request = ctx.request();
        String token = request.getHeader(RequestCredentials.STOREFRONT_TOKEN);
        if (token == null || token.isBlank() || request.getHeader(RequestCredentials.CUSTOMER_TOKEN) != null
                || request.getHeader(HttpHeaders.AUTHORIZATION) != null || request.getHeader(RequestCredentials.STORE_ID) != null
                || noCache(request.getHeader(HttpHeaders.CACHE_CONTROL))) {
            ctx.next();
            return;
        }
        String body = ctx.body().asString();
        if (kind == Kind.CACHEABLE_IF_NODE_TYPES_ALLOWED && !onlyAllowedNodeTypes(body)) {
            ctx.next();
            return;
        }
        Optional<StoreId> store = resolver.isResolvable() ? resolver.get().knownStoreForStorefrontToken(token.trim(),
                Optional.ofNullable(request.getHeader(HttpHeaders.ORIGIN)))
                : Optional.empty();
        if (store.isEmpty()) {
            ctx.next(); // SmallRye resolves (or refuses) the token; the next request can be served
            return;
        }
        // Headers that may change the answer are part of the key (the locale, should a resolver read it).
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        String language = request.getHeader(HttpHeaders.ACCEPT_LANGUAGE);
        String variant = language == null ? (accept == null ? "" : accept) : accept + "\n" + language;
        Hit hit = cache.get(store.get(), variant, body);
        if (hit != null) {
            answer(ctx, hit);
            return;
        }
        FlightKey key = new FlightKey(store.get(), variant, body);
        Flight flight = new Flight(key);
        Flight running = flights.putIfAbsent(key, flight);
        if (running != null && running.join(new Waiter(ctx, ctx.vertx().getOrCreateContext()))) {
            return;
        }
        if (running == null) {
            // Whatever happens to the leader, nobody waits forever: its response headers (SmallRye replaces the
            // response's end handler, so not addEndHandler), or at the latest a timer.
            ctx.addHeadersEndHandler(headers -> flight.finish(null));
            long timer = ctx.vertx().setTimer(LEADER_TIMEOUT_MILLIS, t -> flight.finish(null));
            ctx.addBodyEndHandler(ended -> ctx.vertx().cancelTimer(timer));
        }
        ctx.put(PENDING, new Pending(store.get(), variant, body, cache.stamp(store.get()),
                running == null ? flight::finish : stored -> { }));
        ctx.response().putHeader(CACHE_HEADER, "miss");
        ctx.next();
    }

    private static void answer(RoutingContext ctx, Hit hit) {
        ctx.response().setStatusCode(200)
                .putHeader(HttpHeaders.CONTENT_TYPE, hit.contentType())
                .putHeader(CACHE_HEADER, "hit")
                .end(Buffer.buffer(hit.body()));
    }

    private static boolean noCache(String cacheControl) {
        return cacheControl != null && (cacheControl.contains("no-cache") || cacheControl.contains("no-store"));
    }

    /**
     * node/nodes may reach objects of any module: cache them only when every global id in the request
     * names a catalog type. Escaped JSON (which could hide an id) is not cached.
     */
    private boolean onlyAllowedNodeTypes(String body) {
        if (body.indexOf('\\') >= 0) {
            return false;
        }
        int at = body.indexOf(GID);
        while (at >= 0) {
            int start = at + GID.length();
            int end = body.indexOf('/', start);
            if (end < 0 || !nodeTypes.contains(body.substring(start, end))) {
                return false;
            }
            at = body.indexOf(GID, end);
        }
        return true;
    }

    /** The JSON request's document, as GraphQLRequestGuard (the route before this one) read it. */
    private static String document(RoutingContext ctx) {
        String contentType = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
        if (contentType == null || !contentType.startsWith("application/json")) {
            return null;
        }
        return ctx.get(GraphQLRequestGuard.DOCUMENT);
    }

    static Kind classify(String text) {
        Document document;
        try {
            document = Parser.parse(ParserEnvironment.newParserEnvironment().document(text)
                    .parserOptions(ParserOptions.getDefaultOperationParserOptions()).build());
        } catch (RuntimeException invalid) {
            return Kind.OTHER;
        }
        Map<String, FragmentDefinition> fragments = new java.util.HashMap<>();
        for (Definition<?> d : document.getDefinitions()) {
            if (d instanceof FragmentDefinition f) {
                fragments.put(f.getName(), f);
            }
        }
        boolean cacheable = true;
        boolean nodes = false;
        for (Definition<?> d : document.getDefinitions()) {
            if (d instanceof OperationDefinition op) {
                if (op.getOperation() == OperationDefinition.Operation.MUTATION) {
                    return Kind.MUTATION;
                }
                if (op.getOperation() != OperationDefinition.Operation.QUERY) {
                    cacheable = false;
                    continue;
                }
                RootFields roots = new RootFields(fragments);
                roots.collect(op.getSelectionSet(), 0);
                cacheable &= roots.cacheable;
                nodes |= roots.nodes;
            } else if (!(d instanceof FragmentDefinition)) {
                cacheable = false;
            }
        }
        if (!cacheable) {
            return Kind.OTHER;
        }
        return nodes ? Kind.CACHEABLE_IF_NODE_TYPES_ALLOWED : Kind.CACHEABLE;
    }

    private static final class RootFields {
        private final Map<String, FragmentDefinition> fragments;
        boolean cacheable = true;
        boolean nodes;

        RootFields(Map<String, FragmentDefinition> fragments) {
            this.fragments = fragments;
        }

        void collect(SelectionSet set, int depth) {
            if (set == null || depth > 10) {
                cacheable = false;
                return;
            }
            for (Selection<?> s : set.getSelections()) {
                if (s instanceof Field f) {
                    cacheable &= CACHEABLE_ROOTS.contains(f.getName());
                    nodes |= f.getName().equals("node") || f.getName().equals("nodes");
                } else if (s instanceof InlineFragment i) {
                    collect(i.getSelectionSet(), depth + 1);
                } else if (s instanceof FragmentSpread spread && fragments.containsKey(spread.getName())) {
                    collect(fragments.get(spread.getName()).getSelectionSet(), depth + 1);
                } else {
                    cacheable = false;
                }
            }
        }
    }
}
