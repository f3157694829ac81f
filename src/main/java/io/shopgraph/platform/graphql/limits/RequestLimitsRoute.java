package io.shopgraph.platform.graphql.limits;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import graphql.language.Argument;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.language.Node;
import graphql.language.NodeTraverser;
import graphql.language.NodeVisitorStub;
import graphql.language.ArrayValue;
import graphql.language.ObjectValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.language.VariableDefinition;
import graphql.schema.GraphQLSchema;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.shopgraph.platform.errors.ErrorCode;
import io.shopgraph.platform.graphql.GraphQLRequestGuard;
import io.shopgraph.platform.graphql.ParsedDocuments;
import io.shopgraph.platform.graphql.limits.RateLimiter.Caller;
import io.shopgraph.platform.graphql.limits.RateLimiter.Decision;
import io.shopgraph.platform.graphql.limits.RateLimiter.Kind;
import io.shopgraph.platform.security.RequestCredentials;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The bounds of every GraphQL request, applied after {@link GraphQLRequestGuard} and before the storefront
 * cache and SmallRye (so a cached answer is charged like any other): forbidden code points in any string
 * of the request (BAD_REQUEST naming the variable or argument), the static {@link QueryCost} against
 * {@code shopgraph.limits.max-cost} (LIMIT_EXCEEDED, before validation could expand a fragment fan-out),
 * the caller's leaky bucket (THROTTLED, HTTP 429 with Retry-After), and the execution {@link Deadline}.
 */
@ApplicationScoped
public class RequestLimitsRoute {

    /** Routing-context key of the request's static cost (a Long). */
    public static final String COST = "shopgraph.limits.cost";
    /** Routing-context key of the caller's rate-limit decision. */
    static final String DECISION = "shopgraph.limits.decision";
    private static final String FORBIDDEN_LITERAL = "limits.forbidden-literal";
    private static final String FIXED_COST = "limits.fixed-cost:";

    private final LimitsConfig config;
    private final RateLimiter limiter;
    private final Instance<GraphQLSchema> schemas;
    private final String serviceClientId;
    private final ParsedDocuments documents;
    private volatile GraphQLSchema schema;

    RequestLimitsRoute(LimitsConfig config, RateLimiter limiter, Instance<GraphQLSchema> schemas,
            @ConfigProperty(name = "quarkus.oidc.client-id", defaultValue = "shopgraph") String serviceClientId,
            ParsedDocuments documents) {
        this.documents = documents;
        this.config = config;
        this.limiter = limiter;
        this.schemas = schemas;
        this.serviceClientId = serviceClientId;
    }

    void install(@Observes Router router) {
        router.route(HttpMethod.POST, "/graphql").order(-100).handler(this::handle);
        router.route(HttpMethod.GET, "/graphql").order(-100).handler(this::handle);
    }

    private void handle(RoutingContext ctx) {
        String text = ctx.get(GraphQLRequestGuard.DOCUMENT);
        if (text == null) {
            ctx.next();
            return;
        }
        ParsedDocuments.Entry entry = documents.cached(text);
        if (entry != null) {
            check(ctx, entry);
            return;
        }
        // Normally parsed by the guard a moment ago; evicted since (or sent by a route that skipped the guard).
        ctx.vertx().<ParsedDocuments.Entry>executeBlocking(() -> documents.parse(text), false).onComplete(parsed -> {
            if (parsed.failed()) {
                ctx.fail(parsed.cause());
            } else {
                check(ctx, parsed.result());
            }
        });
    }

    private void check(RoutingContext ctx, ParsedDocuments.Entry entry) {
        Document document = entry.document();
        if (document == null) {
            ctx.next(); // the guard answers syntax errors; nothing to measure here
            return;
        }
        JsonObject body = ctx.get(GraphQLRequestGuard.BODY);
        Map<String, Object> variables = body == null ? Map.of() : plain(body.getJsonObject("variables"));
        String operationName = body == null ? null : body.getString("operationName");

        String forbidden = InputText.findForbidden(variables, "");
        if (forbidden != null) {
            GraphQLRequestGuard.reply(ctx, GraphQLRequestGuard.requestErrorStatus(ctx), ErrorCode.BAD_REQUEST,
                    "Variable '" + forbidden + "' holds a character that is not allowed (NUL, an unpaired surrogate or a noncharacter).");
            return;
        }
        String literal = entry.derived(FORBIDDEN_LITERAL, RequestLimitsRoute::forbiddenLiteralOrNone);
        literal = literal.isEmpty() ? null : literal;
        if (literal != null) {
            GraphQLRequestGuard.reply(ctx, GraphQLRequestGuard.requestErrorStatus(ctx), ErrorCode.BAD_REQUEST,
                    "Argument '" + literal + "' holds a character that is not allowed (NUL, an unpaired surrogate or a noncharacter).");
            return;
        }

        long cost = fixedCost(entry, operationName);
        if (cost == QueryCost.VARIES) {
            cost = QueryCost.of(schema(), document, operationName, variables);
        }
        ctx.put(COST, cost);
        if (cost > config.maxCost()) {
            GraphQLRequestGuard.reply(ctx, GraphQLRequestGuard.requestErrorStatus(ctx), ErrorCode.LIMIT_EXCEEDED,
                    "The query costs " + cost + ", more than the maximum of " + config.maxCost()
                            + " per request: ask for smaller pages or fewer nested lists.",
                    Map.of(), costExtension(cost, config.maxCost()));
            return;
        }
        if (limiter.enabled()) {
            Decision decision = limiter.charge(caller(ctx), cost);
            ctx.put(DECISION, decision);
            if (!decision.admitted()) {
                long seconds = Math.max(1, (decision.retryAfter().toMillis() + 999) / 1000);
                String message = cost > decision.capacity()
                        ? "The query costs " + cost + ", more than this caller's bucket of " + decision.capacity() + "."
                        : "Throttled: this caller's cost budget is spent; retry in " + seconds + " s.";
                ctx.response().putHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
                GraphQLRequestGuard.reply(ctx, 429, ErrorCode.THROTTLED, message, Map.of("retryAfterSeconds", seconds),
                        costExtension(cost, maximumAvailable(ctx)));
                return;
            }
        }
        boolean merchant = ctx.user() instanceof QuarkusHttpUser user && !user.getSecurityIdentity().isAnonymous();
        Deadline deadline = new Deadline(merchant ? config.merchantDeadline() : config.deadline());
        ctx.put(Deadline.KEY, deadline); // abandoned when a query's client hangs up (ClientGoneInstrumentation)
        ctx.next();
    }

    /**
     * The document's cost when no variable changes it, computed once per parsed document and operation; {@link
     * QueryCost#VARIES} otherwise. Kept only for the operations the document has (or none named), so that a client
     * cycling through made-up operation names cannot grow the entry.
     */
    private long fixedCost(ParsedDocuments.Entry entry, String operationName) {
        if (operationName != null && entry.document().getDefinitions().stream()
                .noneMatch(d -> d instanceof OperationDefinition op && operationName.equals(op.getName()))) {
            return QueryCost.VARIES;
        }
        return entry.<Long>derived(FIXED_COST + (operationName == null ? "" : operationName),
                document -> QueryCost.withoutVariables(schema(), document, operationName));
    }

    /** The {@code extensions.cost} of a response (Shopify's shape). */
    static JsonObject costExtension(long requested, long maximumAvailable) {
        return new JsonObject().put("cost", new JsonObject().put("requestedQueryCost", requested)
                .put("maximumAvailable", maximumAvailable));
    }

    long maximumAvailable(RoutingContext ctx) {
        Decision decision = ctx.get(DECISION);
        return decision == null ? config.maxCost() : Math.min(config.maxCost(), decision.capacity());
    }

    /** Who pays: the most specific credential of the request. Unverified credentials still name a bucket. */
    private Caller caller(RoutingContext ctx) {
        var request = ctx.request();
        String address = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        if (ctx.user() instanceof QuarkusHttpUser user && !user.getSecurityIdentity().isAnonymous()) {
            if (user.getSecurityIdentity().getPrincipal() instanceof JsonWebToken jwt) {
                String client = jwt.<String>getClaim("azp") != null ? jwt.getClaim("azp") : jwt.getClaim("client_id");
                if (client != null && !client.equals(serviceClientId)) {
                    return new Caller(Kind.APP, cap(client));
                }
                return new Caller(Kind.MERCHANT, cap(jwt.getIssuer() + "|" + jwt.getSubject()));
            }
            return new Caller(Kind.MERCHANT, cap(user.getSecurityIdentity().getPrincipal().getName()));
        }
        String customer = request.getHeader(RequestCredentials.CUSTOMER_TOKEN);
        String storefront = request.getHeader(RequestCredentials.STOREFRONT_TOKEN);
        if (customer != null && !customer.isBlank() && storefront != null) {
            return new Caller(Kind.CUSTOMER, cap(customer.trim()));
        }
        if (storefront != null && !storefront.isBlank()) {
            return new Caller(Kind.STOREFRONT, cap(storefront.trim()) + "|" + address);
        }
        return new Caller(Kind.ANONYMOUS, address);
    }

    private static String cap(String key) {
        return key.length() > 256 ? key.substring(0, 256) : key;
    }

    private GraphQLSchema schema() {
        GraphQLSchema s = schema;
        if (s == null) {
            s = schemas.get();
            schema = s;
        }
        return s;
    }

    private static String forbiddenLiteralOrNone(Document document) {
        String found = forbiddenLiteral(document);
        return found == null ? "" : found; // the derived map holds no nulls
    }

    /** The name of the first argument (or variable default) whose literal holds a forbidden code point. */
    static String forbiddenLiteral(Document document) {
        String[] found = new String[1];
        new NodeTraverser().depthFirst(new NodeVisitorStub() {
            @Override
            public TraversalControl visitArgument(Argument node, TraverserContext<Node> context) {
                if (found[0] == null && hasForbidden(node.getValue())) {
                    found[0] = node.getName();
                }
                return TraversalControl.CONTINUE;
            }

            @Override
            public TraversalControl visitVariableDefinition(VariableDefinition node, TraverserContext<Node> context) {
                if (found[0] == null && node.getDefaultValue() != null && hasForbidden(node.getDefaultValue())) {
                    found[0] = "$" + node.getName();
                }
                return TraversalControl.CONTINUE;
            }
        }, document);
        return found[0];
    }

    private static boolean hasForbidden(Value<?> value) {
        if (value instanceof StringValue s) {
            return InputText.firstForbidden(s.getValue()) >= 0;
        }
        if (value instanceof ObjectValue o) {
            return o.getObjectFields().stream().anyMatch(f -> hasForbidden(f.getValue()));
        }
        if (value instanceof ArrayValue a) {
            return a.getValues().stream().anyMatch(RequestLimitsRoute::hasForbidden);
        }
        return false;
    }

    /** Vert.x JSON as plain maps and lists. */
    static Map<String, Object> plain(JsonObject json) {
        if (json == null) {
            return Map.of();
        }
        Map<String, Object> map = new LinkedHashMap<>();
        json.forEach(e -> map.put(e.getKey(), plainValue(e.getValue())));
        return map;
    }

    private static Object plainValue(Object value) {
        if (value instanceof JsonObject o) {
            return plain(o);
        }
        if (value instanceof JsonArray a) {
            List<Object> list = new ArrayList<>(a.size());
            a.forEach(v -> list.add(plainValue(v)));
            return list;
        }
        return value;
    }
}
