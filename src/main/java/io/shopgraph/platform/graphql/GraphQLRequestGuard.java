package io.shopgraph.platform.graphql;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import graphql.parser.exceptions.ParseCancelledException;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.shopgraph.platform.errors.ErrorCode;
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
 * Each distinct document is parsed here once; documents already seen skip the check.
 */
@ApplicationScoped
public class GraphQLRequestGuard {

    private static final int SEEN_DOCUMENTS = 4096;
    private static final Object SEEN = new Object();
    /** Routing-context key of the request's GraphQL document, read once here for the routes after this one. */
    public static final String DOCUMENT = "shopgraph.graphql.document";
    /** Routing-context key of the checked JSON request body ({@link JsonObject}), when the body is JSON. */
    public static final String BODY = "shopgraph.graphql.body";
    public static final String GRAPHQL_RESPONSE_JSON = "application/graphql-response+json";
    private static final String JSON = "application/json";

    private final Map<String, Object> seenDocuments = new ConcurrentHashMap<>();
    private final long maxBodyBytes;
    private final long maxPublicBodyBytes;
    private final int maxJsonDepth;

    GraphQLRequestGuard(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize,
            @ConfigProperty(name = "shopgraph.http.max-public-body-size", defaultValue = "256K") MemorySize maxPublicBodySize,
            @ConfigProperty(name = "shopgraph.limits.max-json-depth", defaultValue = "64") int maxJsonDepth) {
        this.maxBodyBytes = maxBodySize.asLongValue();
        this.maxPublicBodyBytes = Math.min(maxPublicBodySize.asLongValue(), maxBodyBytes);
        this.maxJsonDepth = maxJsonDepth;
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
                .handler(this::checkDocument);
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
        if (document == null || seenDocuments.containsKey(document)) {
            ctx.next();
            return;
        }
        ctx.vertx().<ErrorReply>executeBlocking(() -> parse(document), false).onComplete(result -> {
            ErrorReply error = result.succeeded() ? result.result() : null;
            if (error == null) {
                remember(document);
                ctx.next();
            } else {
                reply(ctx, requestErrorStatus(ctx), error.code(), error.message());
            }
        });
    }

    /** Null when the document parses within the limits; otherwise the error to answer. */
    private static ErrorReply parse(String document) {
        ParserOptions options = ParserOptions.getDefaultOperationParserOptions();
        if (document.length() > options.getMaxCharacters()) {
            // Checked here: graphql-java reports this limit as a syntax error, not as a cancelled parse.
            return tooLarge(options);
        }
        try {
            Parser.parse(ParserEnvironment.newParserEnvironment().document(document).parserOptions(options).build());
            return null;
        } catch (ParseCancelledException e) {
            return tooLarge(options);
        } catch (InvalidSyntaxException e) {
            return new ErrorReply(ErrorCode.BAD_REQUEST, "The document is not valid GraphQL: " + e.getMessage());
        }
    }

    private static ErrorReply tooLarge(ParserOptions options) {
        return new ErrorReply(ErrorCode.LIMIT_EXCEEDED, "The document is too large: at most " + options.getMaxTokens()
                + " tokens and " + options.getMaxCharacters() + " characters.");
    }

    private void remember(String document) {
        if (seenDocuments.size() >= SEEN_DOCUMENTS) {
            seenDocuments.clear();
        }
        seenDocuments.put(document, SEEN);
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

    private record ErrorReply(ErrorCode code, String message) {
    }
}
