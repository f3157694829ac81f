package io.shopgraph.platform.graphql;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import io.shopgraph.platform.cache.StorefrontCache.Hit;
import io.shopgraph.platform.cache.StorefrontCache.Stamp;
import io.shopgraph.platform.cache.StorefrontCache;
import io.shopgraph.platform.cache.StorefrontCacheConfig;
import io.shopgraph.platform.cache.StorefrontCacheable;
import io.shopgraph.platform.kernel.StoreId;
import io.shopgraph.platform.security.RequestCredentials;
import io.shopgraph.platform.security.StoreAccessResolver;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;

/**
 * Serves storefront catalog reads from the {@link StorefrontCache} on the event loop, before SmallRye
 * (docs/performance.md). A request qualifies when it carries a storefront token the instance already
 * knows to be live and no other credential (no customer token, no bearer, no store choice, no
 * {@code Cache-Control: no-cache} together with the configured bypass secret), and every operation of its
 * document is a query made only of root fields that modules declared cacheable ({@link StorefrontCacheable}).
 * A hit answers the stored body; a miss goes on to SmallRye with a pending marker, and
 * {@link StorefrontCacheInstrumentation} stores the error-free result. A mutation document is
 * never cached and never invalidates anything by itself: only a committed write does ({@code LocalWrites}
 * on this instance, PostgreSQL notifications from every instance), so a refused, anonymous or failing
 * mutation cannot flush any store's answers.
 */
@ApplicationScoped
public class StorefrontCacheRoute {

    /** The header telling clients (and tests) whether the cache answered. */
    public static final String CACHE_HEADER = "X-ShopGraph-Cache";
    /** With {@code shopgraph.storefront-cache.bypass-secret} set, a request sending it here may skip the cache. */
    public static final String BYPASS_HEADER = "X-ShopGraph-Cache-Bypass";
    static final String PENDING = "shopgraph.storefront-cache.pending";

    /** Root fields of the platform itself that any cacheable document may hold (node types are checked apart). */
    private static final Set<String> PLATFORM_ROOTS = Set.of("node", "nodes", "__typename");
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
    private final Set<String> roots;
    private final Set<String> nodeTypes;
    private static final String KIND = "cache.kind";
    private final ParsedDocuments documents;
    private final Map<FlightKey, Flight> flights = new ConcurrentHashMap<>();

    private final Optional<byte[]> bypassSecret;

    StorefrontCacheRoute(StorefrontCache cache, Instance<StoreAccessResolver> resolver, Instance<StorefrontCacheable> modules,
            StorefrontCacheConfig config, ParsedDocuments documents) {
        this.documents = documents;
        this.bypassSecret = config.bypassSecret().filter(secret -> !secret.isBlank())
                .map(secret -> secret.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        this.cache = cache;
        this.resolver = resolver;
        Set<String> rootFields = new java.util.HashSet<>(PLATFORM_ROOTS);
        Set<String> types = new java.util.HashSet<>();
        for (StorefrontCacheable module : modules) {
            rootFields.addAll(module.rootFields());
            types.addAll(module.nodeTypes());
        }
        this.roots = Set.copyOf(rootFields);
        this.nodeTypes = Set.copyOf(types);
    }

    void install(@Observes Router router) {
        if (cache.enabled()) {
            router.route(HttpMethod.POST, "/graphql").order(-99).handler(this::handle);
            router.route(HttpMethod.GET, "/graphql").order(-99).handler(this::handle);
        }
    }

    private void handle(RoutingContext ctx) {
        String document = document(ctx);
        if (document == null) {
            ctx.next();
            return;
        }
        ParsedDocuments.Entry entry = documents.cached(document);
        if (entry != null) {
            handle(ctx, entry.derived(KIND, parsed -> classify(parsed, roots)));
            return;
        }
        // Normally parsed by the guard a moment ago; evicted since.
        ctx.vertx().<Kind>executeBlocking(() -> documents.parse(document).derived(KIND, parsed -> classify(parsed, roots)), false)
                .onComplete(result -> handle(ctx, result.succeeded() ? result.result() : Kind.OTHER));
    }

    private void handle(RoutingContext ctx, Kind kind) {
        if (kind == Kind.MUTATION || kind == Kind.OTHER || !cache.active()) {
            ctx.next();
            return;
        }
        var request = ctx.request();
        String token = request.getHeader(RequestCredentials.STOREFRONT_TOKEN);
        if (token == null || token.isBlank() || request.getHeader(RequestCredentials.CUSTOMER_TOKEN) != null
                || request.getHeader(HttpHeaders.AUTHORIZATION) != null || request.getHeader(RequestCredentials.STORE_ID) != null
                || noCache(request.getHeader(HttpHeaders.CACHE_CONTROL)) && mayBypass(request.getHeader(BYPASS_HEADER))) {
            ctx.next();
            return;
        }
        // GET: the parameters as GraphQLRequestGuard read them (hash-only persisted queries resolved) are the key.
        String body = ctx.request().method() == HttpMethod.GET ? ((io.vertx.core.json.JsonObject) ctx.get(GraphQLRequestGuard.BODY)).encode()
                : ctx.body().asString();
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
        if (hit != null && !hit.stale()) {
            answer(ctx, hit);
            return;
        }
        FlightKey key = new FlightKey(store.get(), variant, body);
        Flight flight = new Flight(key);
        Flight running = flights.putIfAbsent(key, flight);
        if (running != null && hit != null) {
            answer(ctx, hit); // stale-while-revalidate: another request is computing the successor
            return;
        }
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

    /**
     * A stored (error-free, public) answer: shared caches may keep it for the cache's max-age and serve it stale
     * while they revalidate for as long again (docs/performance.md), under a strong ETag over the body.
     */
    private void answer(RoutingContext ctx, Hit hit) {
        String etag = hit.etag();
        var response = ctx.response()
                .putHeader(HttpHeaders.CACHE_CONTROL, "public, max-age=" + cache.maxAgeSeconds()
                        + ", stale-while-revalidate=" + cache.maxAgeSeconds())
                .putHeader(HttpHeaders.ETAG, etag)
                .putHeader(HttpHeaders.VARY, VARY)
                .putHeader(CACHE_HEADER, hit.stale() ? "stale" : "hit");
        String ifNoneMatch = ctx.request().getHeader(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null && ctx.request().method() == HttpMethod.GET && matches(ifNoneMatch, etag)) {
            response.setStatusCode(304).end();
            return;
        }
        response.setStatusCode(200)
                .putHeader(HttpHeaders.CONTENT_TYPE, hit.contentType())
                .end(Buffer.buffer(hit.body()));
    }

    /** The request headers that change a storefront answer (the cache keys on the same ones, the token names the store). */
    public static final String VARY = "X-Storefront-Token, Accept, Accept-Language, Origin";

    private static boolean matches(String ifNoneMatch, String etag) {
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.trim();
            if (c.equals("*") || c.equals(etag) || c.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Public callers always get the cache, whatever their Cache-Control says (else anyone could switch its
     * protection off); merchants never reach it. Only the configured debug secret lets a request skip it.
     */
    private boolean mayBypass(String secret) {
        return secret != null && bypassSecret.isPresent()
                && java.security.MessageDigest.isEqual(bypassSecret.get(), secret.getBytes(java.nio.charset.StandardCharsets.UTF_8));
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
        if (ctx.request().method() == HttpMethod.GET) {
            return ctx.get(GraphQLRequestGuard.DOCUMENT);
        }
        String contentType = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
        if (contentType == null || !contentType.startsWith("application/json")) {
            return null;
        }
        return ctx.get(GraphQLRequestGuard.DOCUMENT);
    }

    static Kind classify(Document document, Set<String> roots) {
        if (document == null) {
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
                RootFields fields = new RootFields(fragments, roots);
                fields.collect(op.getSelectionSet(), 0);
                cacheable &= fields.cacheable;
                nodes |= fields.nodes;
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
        private final Set<String> roots;
        boolean cacheable = true;
        boolean nodes;

        RootFields(Map<String, FragmentDefinition> fragments, Set<String> roots) {
            this.fragments = fragments;
            this.roots = roots;
        }

        void collect(SelectionSet set, int depth) {
            if (set == null || depth > 10) {
                cacheable = false;
                return;
            }
            for (Selection<?> s : set.getSelections()) {
                if (s instanceof Field f) {
                    cacheable &= roots.contains(f.getName());
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
