package io.shopgraph.platform.graphql;

import java.lang.reflect.Field;
import java.util.List;

import graphql.GraphQL;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.schema.SchemaTransformer;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import io.shopgraph.platform.limits.LimitsInstrumentation;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.graphql.spi.EventingService;

/**
 * Hooks ShopGraph into SmallRye's GraphQL build (registered as a {@link EventingService} in
 * META-INF/services, which costs nothing per request, unlike CDI GraphQL events).
 * {@link ErrorCodeInstrumentation} and {@link StorefrontCacheInstrumentation} are appended to SmallRye's own
 * instrumentation chain.
 * {@code GraphQL.Builder} has no getter and {@code instrumentation(...)} replaces the chain, which would
 * silently drop the depth and complexity limits, so the existing chain is read and wrapped.
 * The Decimal scalar's coercing is replaced by {@link DecimalCoercing} (bounded parsing, JSON numbers,
 * messages without Java class names) in the schema that executes requests; its SDL is unchanged.
 */
@RegisterForReflection(targets = GraphQL.Builder.class)
public class GraphQLSetup implements EventingService {

    @Override
    public String getConfigKey() {
        return null;
    }

    @Override
    public GraphQL.Builder beforeGraphQLBuild(GraphQL.Builder builder) {
        Instrumentation existing = readInstrumentation(builder);
        Instrumentation limits = new LimitsInstrumentation();
        Instrumentation codes = new ErrorCodeInstrumentation();
        Instrumentation cache = new StorefrontCacheInstrumentation();
        GraphQLSchema schema = readField(builder, "graphQLSchema", GraphQLSchema.class);
        if (schema != null) {
            builder.schema(withDecimalCoercing(schema));
        }
        // limits first: its deadline wraps the data fetchers; codes then rewrites every error, limits' included.
        return builder.instrumentation(existing == null ? new ChainedInstrumentation(List.of(limits, codes, cache))
                : new ChainedInstrumentation(List.of(limits, existing, codes, cache)));
    }

    private static final java.util.Set<String> DATE_TIME_SCALARS = java.util.Set.of("DateTime", "Date");

    static GraphQLSchema withDecimalCoercing(GraphQLSchema schema) {
        return SchemaTransformer.transformSchema(schema, new GraphQLTypeVisitorStub() {
            @Override
            public TraversalControl visitGraphQLScalarType(GraphQLScalarType node, TraverserContext<GraphQLSchemaElement> context) {
                if (node.getName().equals("Decimal")) {
                    return changeNode(context, node.transform(b -> b.coercing(new DecimalCoercing())));
                }
                if (DATE_TIME_SCALARS.contains(node.getName())) {
                    return changeNode(context, node.transform(b -> b.coercing(new BoundedDateTimeCoercing(node.getCoercing()))));
                }
                return TraversalControl.CONTINUE;
            }
        });
    }

    private static Instrumentation readInstrumentation(GraphQL.Builder builder) {
        return readField(builder, "instrumentation", Instrumentation.class);
    }

    private static <T> T readField(GraphQL.Builder builder, String name, Class<T> type) {
        try {
            Field field = GraphQL.Builder.class.getDeclaredField(name);
            field.setAccessible(true);
            return type.cast(field.get(builder));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot extend SmallRye's GraphQL build (" + name + ")", e);
        }
    }
}
