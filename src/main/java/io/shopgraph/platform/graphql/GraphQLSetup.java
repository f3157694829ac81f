package io.shopgraph.platform.graphql;

import java.lang.reflect.Field;
import java.util.List;

import graphql.GraphQL;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.graphql.spi.EventingService;

/**
 * Hooks ShopGraph into SmallRye's GraphQL build (registered as a {@link EventingService} in
 * META-INF/services, which costs nothing per request, unlike CDI GraphQL events).
 * {@link ErrorCodeInstrumentation} and {@link StorefrontCacheInstrumentation} are appended to SmallRye's own
 * instrumentation chain.
 * {@code GraphQL.Builder} has no getter and {@code instrumentation(...)} replaces the chain, which would
 * silently drop the depth and complexity limits, so the existing chain is read and wrapped.
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
