package io.shopgraph.platform.graphql;

import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import graphql.Scalars;
import graphql.schema.GraphQLAppliedDirective;
import graphql.schema.GraphQLAppliedDirectiveArgument;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.schema.SchemaTransformer;
import graphql.schema.idl.SchemaPrinter;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import graphql.util.TreeTransformerUtil;
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
 * The descriptions are put on a copy made for printing. Rebuilding the executed schema would give the types
 * that use a scalar new instances, while SmallRye's type resolvers keep returning the old ones, and
 * graphql-java matches fragments by instance: {@code ... on StorefrontAccessToken} would stop applying.
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
            GraphQLSchema served = documented(schema.get());
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
            printed = text;
        }
        return text;
    }

    /** A copy of the schema whose custom scalars carry the descriptions and URLs of {@link #SCALARS}. */
    static GraphQLSchema documented(GraphQLSchema schema) {
        return SchemaTransformer.transformSchema(schema, new GraphQLTypeVisitorStub() {
            @Override
            public TraversalControl visitGraphQLScalarType(GraphQLScalarType scalar, TraverserContext<GraphQLSchemaElement> context) {
                ScalarDoc doc = SCALARS.get(scalar.getName());
                if (doc == null) {
                    return TraversalControl.CONTINUE;
                }
                return TreeTransformerUtil.changeNode(context, scalar.transform(b -> {
                    b.description(doc.description());
                    if (doc.specifiedByUrl() != null) {
                        // The printer shows the applied directive.
                        b.specifiedByUrl(doc.specifiedByUrl()).withAppliedDirective(GraphQLAppliedDirective.newDirective()
                                .name("specifiedBy").argument(GraphQLAppliedDirectiveArgument.newArgument().name("url")
                                        .type(GraphQLNonNull.nonNull(Scalars.GraphQLString)).valueProgrammatic(doc.specifiedByUrl())));
                    }
                }));
            }
        });
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
