package io.shopgraph.platform.graphql;

import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.idl.SchemaPrinter;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Serves the SDL at {@code GET /graphql/schema.graphql} (committed as {@code schema.graphql}) in place of
 * SmallRye's printer, which either leaves every directive out (so no {@code @specifiedBy} on scalars) or
 * prints all of them, SmallRye's own {@code @constraint} and {@code @rolesAllowed} included. This one
 * declares every custom scalar with the description (and {@code @specifiedBy} URL) of {@link #SCALARS} and
 * applies only the standard {@code @specifiedBy}, {@code @deprecated} and {@code @oneOf}, which code
 * generators know without a definition.
 * <p>
 * The descriptions are put on the printed text. Rebuilding the executed schema would give the types that use a
 * scalar new instances, while SmallRye's type resolvers keep returning the old ones, and graphql-java matches
 * fragments by instance: {@code ... on StorefrontAccessToken} would stop applying.
 */
@ApplicationScoped
public class SchemaDocument {

    private static final Set<String> APPLIED_DIRECTIVES = Set.of("specifiedBy", "deprecated", "oneOf");

    /** Custom scalars: description and, where a published specification exists, its URL. */
    record ScalarDoc(String description, String specifiedByUrl) {
    }

    static final Map<String, ScalarDoc> SCALARS = Map.of(
            "DateTime", new ScalarDoc("An instant in time as an RFC 3339 / ISO-8601 date-time with an offset, in UTC as "
                    + "sent by the server, e.g. \"2026-11-25T14:30:00Z\".", "https://scalars.graphql.org/andimarek/date-time"),
            "Decimal", new ScalarDoc("An exact decimal number, e.g. \"12.50\" (money amounts are in the currency's major "
                    + "unit with at most its number of fraction digits). Sent by the server as a string so that no client "
                    + "rounds it through a binary float.", null));

    private final Instance<GraphQLSchema> schema;
    private volatile String printed;

    SchemaDocument(Instance<GraphQLSchema> schema) {
        this.schema = schema;
    }

    void install(@Observes Router router) {
        router.route(HttpMethod.GET, "/graphql/schema.graphql").order(-90).handler(this::serve);
    }

    private void serve(RoutingContext ctx) {
        ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=UTF-8").end(sdl());
    }

    /** The SDL of the served schema. */
    public String sdl() {
        String text = printed;
        if (text == null) {
            GraphQLSchema served = schema.get();
            Set<String> used = usedScalars(served);
            text = new SchemaPrinter(SchemaPrinter.Options.defaultOptions()
                    .includeScalarTypes(true)
                    .includeSchemaDefinition(false)
                    .includeIntrospectionTypes(false)
                    .includeDirectiveDefinitions(false)
                    .includeDirectives(APPLIED_DIRECTIVES::contains)
                    .includeSchemaElement(element -> !(element instanceof GraphQLScalarType scalar)
                            || used.contains(scalar.getName()))
                    .descriptionsAsHashComments(false)
                    .useAstDefinitions(false)).print(served);
            text = documented(text);
            printed = text;
        }
        return text;
    }

    /**
     * Puts the descriptions and {@code @specifiedBy} of {@link #SCALARS} on the printed scalar declarations.
     * Done on the text: transforming the live schema (graphql-java's SchemaTransformer) re-points shared field
     * definitions at the new types and breaks the executed schema.
     */
    static String documented(String sdl) {
        String text = sdl;
        for (Map.Entry<String, ScalarDoc> scalar : SCALARS.entrySet()) {
            String declaration = "\"" + scalar.getValue().description().replace("\"", "\\\"") + "\"\nscalar " + scalar.getKey()
                    + (scalar.getValue().specifiedByUrl() == null ? "" : " @specifiedBy(url : \"" + scalar.getValue().specifiedByUrl() + "\")");
            text = java.util.regex.Pattern.compile("(?m)^(?:\"\"\"[\\s\\S]*?\"\"\"\\n|\"[^\\n]*\"\\n)?scalar " + scalar.getKey() + "\\b[^\\n]*$")
                    .matcher(text).replaceFirst(java.util.regex.Matcher.quoteReplacement(declaration));
        }
        return text;
    }

    /**
     * The scalars some field, argument or input field uses. SmallRye also declares BigDecimal and BigInteger
     * for its own directives, which the printed SDL leaves out.
     */
    private static Set<String> usedScalars(GraphQLSchema schema) {
        Set<String> used = new java.util.HashSet<>();
        for (GraphQLNamedType type : schema.getAllTypesAsList()) {
            if (type instanceof GraphQLFieldsContainer fields) {
                for (GraphQLFieldDefinition field : fields.getFieldDefinitions()) {
                    used.add(GraphQLTypeUtil.unwrapAll(field.getType()).getName());
                    field.getArguments().forEach(a -> used.add(GraphQLTypeUtil.unwrapAll(a.getType()).getName()));
                }
            } else if (type instanceof GraphQLInputObjectType input) {
                input.getFieldDefinitions().forEach(f -> used.add(GraphQLTypeUtil.unwrapAll(f.getType()).getName()));
            }
        }
        return used;
    }
}
