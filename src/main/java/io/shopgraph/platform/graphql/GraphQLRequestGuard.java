package io.shopgraph.platform.graphql;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.shopgraph.platform.errors.ErrorCode;
import io.shopgraph.platform.graphql.limits.LimitsConfig;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;


/**
 * Checks every GraphQL POST before SmallRye sees it, so that malformed and oversized requests get
 * the same coded errors as everything else and cost no resolver or SQL (GraphQL over HTTP: docs/limits.md):
 * <ul>
 * <li>a body over {@code quarkus.http.limits.max-body-size}: HTTP 413 with LIMIT_EXCEEDED (SmallRye would
 * answer an empty 413); a request without an authenticated merchant principal (a verified bearer token) is
 * held to the smaller {@code shopgraph.http.max-public-body-size}: any other Authorization header counts for
 * nothing;</li>
 * <li>a body that is not a JSON object with a string {@code query} and optional object {@code variables},
 * string {@code operationName} and object {@code extensions}, or nested deeper than
 * {@code shopgraph.limits.max-json-depth}, or of another media type than JSON or GraphQL: 400 or 415 with
 * BAD_REQUEST (SmallRye would answer 500 or a code-less error);</li>
 * <li>a document over the parser's token or character limit: LIMIT_EXCEEDED; a syntax error: BAD_REQUEST
 * with the parser's position;</li>
 * <li>a bearer token that fails verification: 401 with UNAUTHENTICATED as a GraphQL error.</li>
 * </ul>
 * Errors found before execution answer 200 under {@code application/json} and 400 under
 * {@code application/graphql-response+json}; an absent or {@code *}{@code /*} Accept means JSON.
 * Each distinct document is parsed here once ({@link ParsedDocuments}, shared with the later routes and the engine);
 * documents already seen skip the parse.
 */
@ApplicationScoped
public class GraphQLRequestGuard {

    /** Routing-context key of the request's GraphQL document, read once here for the routes after this one. */
    public static final String DOCUMENT = "shopgraph.graphql.document";
    /** Routing-context key of the checked JSON request body ({@link JsonObject}), when the body is JSON. */
    public static final String BODY = "shopgraph.graphql.body";
    public static final String GRAPHQL_RESPONSE_JSON = "application/graphql-response+json";
    private static final String JSON = "application/json";

    private static final int PERSISTED_QUERIES = 10_000;
    private final Map<String, String> persisted = new ConcurrentHashMap<>();
    private final long maxBodyBytes;
    private final long maxPublicBodyBytes;
    private final int maxJsonDepth;
    private final ParsedDocuments documents;

    GraphQLRequestGuard(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize,
            HttpConfig config, LimitsConfig limits, ParsedDocuments documents) {
        this.documents = documents;
        this.maxBodyBytes = maxBodySize.asLongValue();
        this.maxPublicBodyBytes = Math.min(config.maxPublicBodySize().asLongValue(), maxBodyBytes);
        this.maxJsonDepth = limits.maxJsonDepth();
    }

    void install(@Observes Router router) {
        // Every failure of a GraphQL request (authentication runs before any route, proactively) reaches this
        // handler first: it answers a coded GraphQL error whatever the launch mode, never Quarkus' error page.
        router.route("/graphql").order(Integer.MIN_VALUE).failureHandler(this::onFailure);
        // Its own route: Vert.x wants a body handler first on a route.
        router.route(HttpMethod.POST, "/graphql").order(-102).handler(this::checkHeaders);
        router.route(HttpMethod.POST, "/graphql").order(-101)
                .handler(BodyHandler.create(false).setBodyLimit(maxBodyBytes))
                .handler(this::checkPublicSize)
                .handler(this::checkBody)
                .handler(this::checkDocument)
                .handler(this::checkPersisted);
        // Queries over GET (GraphQL over HTTP; CDN-ready public reads): the same checks, then mutations refused.
        router.route(HttpMethod.GET, "/graphql").order(-101)
                .handler(this::checkQueryParameters)
                .handler(this::checkDocument)
                .handler(this::checkPersisted)
                .handler(this::checkGetOperation);
        // Whatever does not set its own Cache-Control (only public storefront reads do) is never stored.
        router.route("/graphql").order(-103).handler(ctx -> {
            ctx.addHeadersEndHandler(v -> {
                if (!ctx.response().headers().contains(HttpHeaders.CACHE_CONTROL)) {
                    ctx.response().putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
                }
            });
            ctx.next();
        });
    }

    /** GET: query, variables, operationName and extensions from the query string, checked like a JSON body. */
    private void checkQueryParameters(RoutingContext ctx) {
        String accept = ctx.request().getHeader(HttpHeaders.ACCEPT);
        if (accept == null || accept.isBlank() || accept.trim().startsWith("*/*")) {
            ctx.request().headers().set(HttpHeaders.ACCEPT, JSON);
        }
        String uri = ctx.request().uri();
        if (isPublic(ctx) && uri.length() > maxPublicBodyBytes || uri.length() > maxBodyBytes) {
            refusePublicSize(ctx);
            return;
        }
        JsonObject body = new JsonObject();
        String problem = null;
        for (String name : List.of("query", "operationName", "variables", "extensions")) {
            List<String> values = ctx.queryParam(name);
            if (values.size() > 1) {
                problem = "The " + name + " parameter is given more than once.";
                break;
            }
            if (values.isEmpty() || values.get(0).isEmpty()) {
                continue;
            }
            String value = values.get(0);
            if (name.equals("variables") || name.equals("extensions")) {
                problem = JsonEnvelope.problem(value, maxJsonDepth);
                if (problem != null) {
                    break;
                }
                try {
                    body.put(name, new JsonObject(value));
                } catch (RuntimeException notJson) {
                    problem = "The " + name + " parameter is not a JSON object.";
                    break;
                }
            } else {
                body.put(name, value);
            }
        }
        if (problem == null && !body.containsKey("query") && persistedHash(body) == null) {
            problem = "The request has no query: send ?query=...";
        }
        if (problem != null) {
            reply(ctx, 400, ErrorCode.BAD_REQUEST, problem);
            return;
        }
        ctx.put(BODY, body);
        ctx.put(DOCUMENT, body.getString("query"));
        ctx.next();
    }

    /**
     * Apollo automatic persisted queries: {@code extensions.persistedQuery.sha256Hash} alone names a query this
     * instance remembers (else PersistedQueryNotFound, and the client sends it again with its text); with the
     * text, the hash must match it and the query is remembered.
     */
    private void checkPersisted(RoutingContext ctx) {
        JsonObject body = ctx.get(BODY);
        if (body == null || !(body.getValue("extensions") instanceof JsonObject ext) || !ext.containsKey("persistedQuery")) {
            ctx.next();
            return;
        }
        String hash = persistedHash(body);
        if (hash == null) {
            reply(ctx, requestErrorStatus(ctx), ErrorCode.BAD_REQUEST,
                    "extensions.persistedQuery must be {\"version\": 1, \"sha256Hash\": \"<64 hex digits>\"}.");
            return;
        }
        String query = body.getString("query");
        if (query != null) {
            if (!sha256(query).equals(hash)) {
                reply(ctx, requestErrorStatus(ctx), ErrorCode.BAD_REQUEST, "provided sha does not match query");
                return;
            }
            if (persisted.size() >= PERSISTED_QUERIES) {
                persisted.clear();
            }
            persisted.put(hash, query);
            ctx.next();
            return;
        }
        String known = persisted.get(hash);
        if (known == null) {
            reply(ctx, 200, ErrorCode.PERSISTED_QUERY_NOT_FOUND, "PersistedQueryNotFound");
            return;
        }
        body.put("query", known);
        ctx.put(DOCUMENT, known);
        if (ctx.request().method() == HttpMethod.GET) {
            ctx.queryParams().set("query", known); // SmallRye reads the query string
        } else {
            ((io.vertx.ext.web.impl.RoutingContextInternal) ctx).setBody(io.vertx.core.buffer.Buffer.buffer(body.encode()));
        }
        // The document may be new to this instance's checks: run them now.
        checkDocument(ctx);
    }

    private static String persistedHash(JsonObject body) {
        if (!(body.getValue("extensions") instanceof JsonObject ext) || !(ext.getValue("persistedQuery") instanceof JsonObject pq)) {
            return null;
        }
        Object version = pq.getValue("version");
        Object hash = pq.getValue("sha256Hash");
        if (!(version instanceof Number n) || n.intValue() != 1 || !(hash instanceof String h) || !h.matches("[0-9a-fA-F]{64}")) {
            return null;
        }
        return h.toLowerCase(java.util.Locale.ROOT);
    }

    static String sha256(String text) {
        return sha256Bytes(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static String sha256Bytes(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Mutations (and subscriptions) are never run over GET: 405 with Allow: POST (GraphQL over HTTP). */
    private void checkGetOperation(RoutingContext ctx) {
        String document = ctx.get(DOCUMENT);
        JsonObject body = ctx.get(BODY);
        String operationName = body == null ? null : body.getString("operationName");
        if (document == null) {
            ctx.next();
            return;
        }
        ParsedDocuments.Entry entry = documents.cached(document);
        if (entry == null) { // evicted since checkDocument: parse it again rather than let a mutation through
            ctx.vertx().<ParsedDocuments.Entry>executeBlocking(() -> documents.parse(document), false)
                    .onComplete(result -> {
                        if (result.succeeded()) {
                            refuseMutation(ctx, result.result(), operationName);
                        } else {
                            ctx.fail(result.cause());
                        }
                    });
            return;
        }
        refuseMutation(ctx, entry, operationName);
    }

    private static void refuseMutation(RoutingContext ctx, ParsedDocuments.Entry entry, String operationName) {
        if (entry.document() != null && !onlyQuery(entry.document(), operationName)) {
            ctx.response().putHeader(HttpHeaders.ALLOW, "POST");
            reply(ctx, 405, ErrorCode.BAD_REQUEST, "Only queries may be sent over GET: send mutations with POST.");
            return;
        }
        ctx.next();
    }

    /** True unless the operation to run (or, unnamed, any operation of the document) is not a query. */
    private static boolean onlyQuery(graphql.language.Document parsed, String operationName) {
        for (graphql.language.Definition<?> d : parsed.getDefinitions()) {
            if (d instanceof graphql.language.OperationDefinition op
                    && (operationName == null || operationName.equals(op.getName()))
                    && op.getOperation() != graphql.language.OperationDefinition.Operation.QUERY) {
                return false;
            }
        }
        return true;
    }

    /**
     * Before the body is read: the media types, and an oversized public body by its Content-Length.
     * An absent or wildcard Accept is answered as application/json (GraphQL over HTTP, legacy clients).
     */
    private void checkHeaders(RoutingContext ctx) {
        String accept = ctx.request().getHeader(HttpHeaders.ACCEPT);
        if (accept == null || accept.isBlank() || accept.trim().startsWith("*/*")) {
            ctx.request().headers().set(HttpHeaders.ACCEPT, JSON);
        }
        String contentType = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
        String media = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(java.util.Locale.ROOT);
        if (!media.equals(JSON) && !media.equals("application/graphql")) {
            ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
            reply(ctx, 415, ErrorCode.BAD_REQUEST, "Send the request as application/json (or application/graphql), "
                    + "with a Content-Type header.");
            return;
        }
        String declared = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long length;
        try {
            length = declared == null ? -1 : Long.parseLong(declared.trim());
        } catch (NumberFormatException e) {
            length = -1;
        }
        if (isPublic(ctx) && length > maxPublicBodyBytes) {
            refusePublicSize(ctx);
        } else {
            ctx.next();
        }
    }

    /** The same for a body sent without a length (chunked), once read. */
    private void checkPublicSize(RoutingContext ctx) {
        if (isPublic(ctx) && ctx.body().length() > maxPublicBodyBytes) {
            refusePublicSize(ctx);
        } else {
            ctx.next();
        }
    }

    /** Public unless the request authenticated (proactively, before any route) as an OIDC principal. */
    private static boolean isPublic(RoutingContext ctx) {
        return !(ctx.user() instanceof QuarkusHttpUser user) || user.getSecurityIdentity().isAnonymous();
    }

    private void refusePublicSize(RoutingContext ctx) {
        // The connection may still be sending the body; close it after the answer rather than read it all.
        ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
        reply(ctx, 413, ErrorCode.LIMIT_EXCEEDED, "The request body is larger than " + maxPublicBodyBytes
                + " bytes (the limit of requests without a merchant token).");
    }

    /** The JSON envelope: shape and nesting, checked before anything deserialises it deeply. */
    private void checkBody(RoutingContext ctx) {
        String contentType = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
        if (contentType.trim().toLowerCase(java.util.Locale.ROOT).startsWith("application/graphql")) {
            if (ctx.body().length() == 0) {
                reply(ctx, 400, ErrorCode.BAD_REQUEST, "The request has no GraphQL document.");
                return;
            }
            ctx.put(DOCUMENT, ctx.body().asString());
            ctx.next();
            return;
        }
        String problem = JsonEnvelope.problem(ctx.body().buffer() == null ? "" : ctx.body().asString(), maxJsonDepth);
        JsonObject body = null;
        if (problem == null) {
            try {
                body = ctx.body().asJsonObject();
                problem = body == null ? "The request body is empty." : JsonEnvelope.shapeProblem(body);
                if (problem != null && body != null && body.getValue("query") == null && persistedHash(body) != null) {
                    problem = null; // a persisted-query hash alone: checkPersisted resolves it
                }
            } catch (RuntimeException notJson) {
                problem = "The request body is not valid JSON.";
            }
        }
        if (problem != null) {
            reply(ctx, 400, ErrorCode.BAD_REQUEST, problem);
            return;
        }
        ctx.put(BODY, body);
        ctx.put(DOCUMENT, body.getString("query"));
        ctx.next();
    }

    private void checkDocument(RoutingContext ctx) {
        String document = ctx.get(DOCUMENT);
        if (document == null) {
            ctx.next();
            return;
        }
        ParsedDocuments.Entry known = documents.cached(document);
        if (known != null) {
            answer(ctx, known);
            return;
        }
        // A new text: parsed once, off the event loop, for every route after this one and for the engine.
        ctx.vertx().<ParsedDocuments.Entry>executeBlocking(() -> documents.parse(document), false).onComplete(result -> {
            if (result.succeeded()) {
                answer(ctx, result.result());
            } else {
                ctx.fail(result.cause());
            }
        });
    }

    private static void answer(RoutingContext ctx, ParsedDocuments.Entry entry) {
        if (entry.document() != null) {
            ctx.next();
        } else {
            reply(ctx, requestErrorStatus(ctx), entry.errorCode(), entry.error());
        }
    }

    private void onFailure(RoutingContext ctx) {
        if (ctx.response().headWritten()) {
            ctx.next();
            return;
        }
        Throwable failure = ctx.failure();
        if (failure instanceof AuthenticationFailedException || failure != null && failure.getCause() instanceof AuthenticationFailedException
                || ctx.statusCode() == 401) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer");
            reply(ctx, 401, ErrorCode.UNAUTHENTICATED, "The bearer token is not valid.");
        } else if (ctx.statusCode() == 403) {
            reply(ctx, 403, ErrorCode.FORBIDDEN, "The caller may not do this.");
        } else if (ctx.statusCode() == 413) {
            reply(ctx, 413, ErrorCode.LIMIT_EXCEEDED, "The request body is larger than " + maxBodyBytes + " bytes.");
        } else if (ctx.statusCode() >= 400 && ctx.statusCode() < 500) {
            reply(ctx, ctx.statusCode(), ErrorCode.BAD_REQUEST, "The request could not be read.");
        } else {
            String reference = java.util.UUID.randomUUID().toString();
            io.quarkus.logging.Log.errorf(failure, "Unexpected failure %s of a GraphQL request", reference);
            reply(ctx, 500, ErrorCode.INTERNAL, ErrorCodeInstrumentation.INTERNAL_MESSAGE + " (reference " + reference + ")");
        }
    }

    /**
     * The status of an error found before execution: 400 when the client reads
     * application/graphql-response+json, else 200 (GraphQL over HTTP, sections 6.4.1 and 6.4.2).
     */
    public static int requestErrorStatus(RoutingContext ctx) {
        return prefersGraphQLResponse(ctx) ? 400 : 200;
    }

    private static boolean prefersGraphQLResponse(RoutingContext ctx) {
        String accept = ctx.request().getHeader(HttpHeaders.ACCEPT);
        if (accept == null) {
            return false;
        }
        for (String part : accept.split(",")) {
            String media = part.split(";", 2)[0].trim();
            if (media.equalsIgnoreCase(GRAPHQL_RESPONSE_JSON)) {
                return true;
            }
            if (media.equalsIgnoreCase(JSON)) {
                return false;
            }
        }
        return false;
    }

    /** Answers a GraphQL error with {@code extensions.code} in the media type the client asked for. */
    public static void reply(RoutingContext ctx, int status, ErrorCode code, String message) {
        reply(ctx, status, code, message, Map.of(), null);
    }

    public static void reply(RoutingContext ctx, int status, ErrorCode code, String message, Map<String, Object> extensions,
            JsonObject responseExtensions) {
        JsonObject ext = new JsonObject().put("code", code.name());
        extensions.forEach(ext::put);
        JsonObject error = new JsonObject().put("message", message).put("extensions", ext);
        JsonObject body = new JsonObject().put("errors", new io.vertx.core.json.JsonArray().add(error));
        if (responseExtensions != null) {
            body.put("extensions", responseExtensions);
        }
        String media = prefersGraphQLResponse(ctx) ? GRAPHQL_RESPONSE_JSON : JSON;
        ctx.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, media + "; charset=UTF-8")
                .end(body.encode());
    }

}
