package io.shopgraph.platform.graphql;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;

import graphql.GraphQL;
import graphql.Scalars;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import graphql.schema.GraphQLAppliedDirective;
import graphql.schema.GraphQLAppliedDirectiveArgument;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.schema.SchemaTransformer;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import graphql.util.TreeTransformerUtil;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.graphql.spi.EventingService;

/**
 * Hooks ShopGraph into SmallRye's GraphQL build (registered as a {@link EventingService} in
 * META-INF/services, which costs nothing per request, unlike CDI GraphQL events).
 * {@link ErrorCodeInstrumentation} and {@link StorefrontCacheInstrumentation} are appended to SmallRye's own
 * instrumentation chain.
 * {@code GraphQL.Builder} has no getter and {@code instrumentation(...)} replaces the chain, which would
 * silently drop the depth and complexity limits, so the existing chain is read and wrapped.
 * <p>
 * Before the schema is built, every custom scalar gets the description (and {@code @specifiedBy} URL) of
 * {@link #SCALARS}, so that the served SDL, printed with its scalars, is complete for code generators.
 */
@RegisterForReflection(targets = GraphQL.Builder.class)
public class GraphQLSetup implements EventingService {

    @Override
    public String getConfigKey() {
        return null;
    }

    /** Custom scalars: description and, where a published specification exists, its URL. */
    record ScalarDoc(String description, String specifiedByUrl) {
    }

    static final Map<String, ScalarDoc> SCALARS = Map.of(
            "DateTime", new ScalarDoc("An instant in time as an RFC 3339 / ISO-8601 date-time with an offset, in UTC as "
                    + "sent by the server, e.g. \"2026-11-25T14:30:00Z\".", "https://scalars.graphql.org/andimarek/date-time"),
            "Decimal", new ScalarDoc("An exact decimal number, e.g. \"12.50\" (money amounts are in the currency's major "
                    + "unit with at most its number of fraction digits). Sent by the server as a string so that no client "
                    + "rounds it through a binary float.", null));

    @Override
    public GraphQLSchema.Builder beforeSchemaBuild(GraphQLSchema.Builder builder) {
        GraphQLSchema schema = builder.build();
        GraphQLSchema documented = SchemaTransformer.transformSchema(schema, new GraphQLTypeVisitorStub() {
            @Override
            public TraversalControl visitGraphQLScalarType(GraphQLScalarType scalar, TraverserContext<GraphQLSchemaElement> context) {
                ScalarDoc doc = SCALARS.get(scalar.getName());
                if (doc == null) {
                    return TraversalControl.CONTINUE;
                }
                return TreeTransformerUtil.changeNode(context, scalar.transform(b -> {
                    b.description(doc.description());
                    if (doc.specifiedByUrl() != null) {
                        // The printer shows the applied directive; introspection reads specifiedByUrl.
                        b.specifiedByUrl(doc.specifiedByUrl()).withAppliedDirective(GraphQLAppliedDirective.newDirective()
                                .name("specifiedBy").argument(GraphQLAppliedDirectiveArgument.newArgument().name("url")
                                        .type(GraphQLNonNull.nonNull(Scalars.GraphQLString)).valueProgrammatic(doc.specifiedByUrl())));
                    }
                }));
            }
        });
        return GraphQLSchema.newSchema(documented);
    }

    @Override
    public GraphQL.Builder beforeGraphQLBuild(GraphQL.Builder builder) {
        Instrumentation existing = readInstrumentation(builder);
        Instrumentation codes = new ErrorCodeInstrumentation();
        Instrumentation cache = new StorefrontCacheInstrumentation();
        return builder.instrumentation(existing == null ? new ChainedInstrumentation(List.of(codes, cache))
                : new ChainedInstrumentation(List.of(existing, codes, cache)));
    }

    private static Instrumentation readInstrumentation(GraphQL.Builder builder) {
        try {
            Field field = GraphQL.Builder.class.getDeclaredField("instrumentation");
            field.setAccessible(true);
            return (Instrumentation) field.get(builder);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot extend SmallRye's GraphQL instrumentation chain", e);
        }
    }
}
