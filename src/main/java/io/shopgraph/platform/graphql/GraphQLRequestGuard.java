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
import io.shopgraph.platform.errors.ErrorCode;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Checks every GraphQL POST before SmallRye sees it, so that malformed and oversized requests get
 * the same coded errors as everything else and cost no resolver or SQL:
 * <ul>
 * <li>a body over {@code quarkus.http.limits.max-body-size}: HTTP 413 with LIMIT_EXCEEDED (SmallRye would
 * answer an empty 413); a request without a merchant token ({@code Authorization}) is held to the smaller
 * {@code shopgraph.http.max-public-body-size}, since only merchant calls such as productsImport need large
 * bodies;</li>
 * <li>a document over the parser's token or character limit: LIMIT_EXCEEDED; a syntax error: BAD_REQUEST
 * with the parser's position (SmallRye would answer a code-less "Unparseable input document").</li>
 * </ul>
 * Each distinct document is parsed here once; documents already seen skip the check, as SmallRye's
 * own parsed-document cache does.
 */
@ApplicationScoped
public class GraphQLRequestGuard {

    private static final int SEEN_DOCUMENTS = 4096;
    private static final Object SEEN = new Object();
    /** Routing-context key of the request's GraphQL document, read once here for the routes after this one. */
    static final String DOCUMENT = "shopgraph.graphql.document";

    private final Map<String, Object> seenDocuments = new ConcurrentHashMap<>();
    private final long maxBodyBytes;
    private final long maxPublicBodyBytes;

    GraphQLRequestGuard(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize,
            @ConfigProperty(name = "shopgraph.http.max-public-body-size", defaultValue = "256K") MemorySize maxPublicBodySize) {
        this.maxBodyBytes = maxBodySize.asLongValue();
        this.maxPublicBodyBytes = Math.min(maxPublicBodySize.asLongValue(), maxBodyBytes);
    }

    void install(@Observes Router router) {
        // Its own route: Vert.x wants a body handler first on a route.
        router.route(HttpMethod.POST, "/graphql").order(-101).handler(this::checkDeclaredPublicSize);
        router.route(HttpMethod.POST, "/graphql").order(-100)
                .handler(BodyHandler.create(false).setBodyLimit(maxBodyBytes))
                .handler(this::checkPublicSize)
                .handler(this::checkDocument)
                .failureHandler(this::onFailure);
    }

    /** Refuses an oversized public body by its Content-Length, before reading it. */
    private void checkDeclaredPublicSize(RoutingContext ctx) {
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

    private static boolean isPublic(RoutingContext ctx) {
        return ctx.request().getHeader(HttpHeaders.AUTHORIZATION) == null;
    }

    private void refusePublicSize(RoutingContext ctx) {
        // The connection may still be sending the body; close it after the answer rather than read it all.
        ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
        reply(ctx, 413, ErrorCode.LIMIT_EXCEEDED, "The request body is larger than " + maxPublicBodyBytes
                + " bytes (the limit of requests without a merchant token).");
    }

    private void checkDocument(RoutingContext ctx) {
        String document = document(ctx);
        if (document != null) {
            ctx.put(DOCUMENT, document);
        }
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
                reply(ctx, 200, error.code(), error.message());
            }
        });
    }

    private static String document(RoutingContext ctx) {
        String contentType = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
        if (contentType != null && contentType.startsWith("application/graphql")) {
            return ctx.body().asString();
        }
        try {
            JsonObject body = ctx.body().asJsonObject();
            Object query = body == null ? null : body.getValue("query");
            return query instanceof String text ? text : null;
        } catch (RuntimeException notJson) {
            return null;
        }
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
        if (ctx.statusCode() == 413) {
            reply(ctx, 413, ErrorCode.LIMIT_EXCEEDED, "The request body is larger than " + maxBodyBytes + " bytes.");
        } else {
            ctx.next();
        }
    }

    private static void reply(RoutingContext ctx, int status, ErrorCode code, String message) {
        JsonObject error = new JsonObject().put("message", message).put("extensions", new JsonObject().put("code", code.name()));
        ctx.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/graphql-response+json; charset=UTF-8")
                .end(new JsonObject().put("errors", new JsonArray().add(error)).encode());
    }

    private record ErrorReply(ErrorCode code, String message) {
    }
}
