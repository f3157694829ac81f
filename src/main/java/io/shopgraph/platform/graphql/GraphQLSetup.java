package io.shopgraph.platform.graphql;

import java.lang.reflect.Field;
import java.util.List;

import graphql.GraphQL;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.Coercing;
import io.shopgraph.platform.graphql.limits.LimitsInstrumentation;
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
@RegisterForReflection(targets = { GraphQL.Builder.class, GraphQLScalarType.class })
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
        Instrumentation defaults = new InputDefaultsInstrumentation();
        GraphQLSchema schema = readField(builder, "graphQLSchema", GraphQLSchema.class);
        if (schema != null) {
            withDecimalCoercing(schema);
        }
        // limits first: its deadline wraps the data fetchers; codes then rewrites every error, limits' included.
        return builder.instrumentation(existing == null ? new ChainedInstrumentation(List.of(defaults, limits, codes, cache))
                : new ChainedInstrumentation(List.of(defaults, limits, existing, codes, cache)));
    }

    private static final java.util.Set<String> DATE_TIME_SCALARS = java.util.Set.of("DateTime", "Date");

    /**
     * Swaps the coercing of the Decimal, Int and date scalars in place. A transformed copy of the schema
     * would hold new object types, while SmallRye's interface type resolvers still answer the old ones, so
     * fragments such as {@code ... on ProductVariant} would stop matching.
     */
    static GraphQLSchema withDecimalCoercing(GraphQLSchema schema) {
        for (graphql.schema.GraphQLNamedType type : schema.getAllTypesAsList()) {
            if (type instanceof GraphQLScalarType scalar) {
                Coercing<?, ?> current = scalar.getCoercing();
                if (scalar.getName().equals("Decimal") && !(current instanceof DecimalCoercing)) {
                    setCoercing(scalar, new DecimalCoercing());
                } else if (scalar.getName().equals("Int") && !(current instanceof BoundedIntCoercing)) {
                    setCoercing(scalar, new BoundedIntCoercing(current));
                } else if (DATE_TIME_SCALARS.contains(scalar.getName()) && !(current instanceof BoundedDateTimeCoercing)) {
                    setCoercing(scalar, new BoundedDateTimeCoercing(current));
                }
            }
        }
        return schema;
    }

    private static void setCoercing(GraphQLScalarType scalar, Coercing<?, ?> coercing) {
        try {
            Field field = GraphQLScalarType.class.getDeclaredField("coercing");
            field.setAccessible(true);
            field.set(scalar, coercing);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot set the coercing of scalar " + scalar.getName(), e);
        }
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
