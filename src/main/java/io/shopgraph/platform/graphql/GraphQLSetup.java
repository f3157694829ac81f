package io.shopgraph.platform.graphql;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

import graphql.GraphQL;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import graphql.schema.GraphQLSchema;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.graphql.execution.datafetcher.BatchDataFetcher;
import io.smallrye.graphql.execution.datafetcher.FieldDataFetcher;
import io.smallrye.graphql.spi.EventingService;

/**
 * Hooks ShopGraph into SmallRye's GraphQL build (registered as a {@link EventingService} in
 * META-INF/services, which costs nothing per request, unlike CDI GraphQL events).
 * {@link ErrorCodeInstrumentation} and {@link StorefrontCacheInstrumentation} are appended to SmallRye's own
 * instrumentation chain, {@link PlainFields} replaces SmallRye's per-field fetcher of plain properties and
 * {@link ReadTransactionStrategy} runs each query in one read transaction.
 * {@code GraphQL.Builder} has no getters and {@code instrumentation(...)} replaces the chain, which would
 * silently drop the depth and complexity limits, so the existing chain (and the schema) are read by reflection.
 */
@RegisterForReflection(targets = { GraphQL.Builder.class, FieldDataFetcher.class, BatchDataFetcher.class })
public class GraphQLSetup implements EventingService {

    @Override
    public String getConfigKey() {
        return null;
    }

    @Override
    public GraphQL.Builder beforeGraphQLBuild(GraphQL.Builder builder) {
        builder.schema(PlainFields.apply((GraphQLSchema) read(builder, "graphQLSchema")));
        List<Instrumentation> chain = new ArrayList<>();
        Instrumentation existing = (Instrumentation) read(builder, "instrumentation");
        if (existing instanceof ChainedInstrumentation smallRye) {
            chain.addAll(smallRye.getInstrumentations()); // one flat chain: a nested one costs every field twice
        } else if (existing != null) {
            chain.add(existing);
        }
        chain.add(new ErrorCodeInstrumentation());
        chain.add(new StorefrontCacheInstrumentation());
        if (read(builder, "queryExecutionStrategy") == null) {
            // SmallRye leaves the query strategy to graphql-java's default, built with its exception handler.
            DataFetcherExceptionHandler handler = (DataFetcherExceptionHandler) read(builder, "defaultExceptionHandler");
            builder.queryExecutionStrategy(new ReadTransactionStrategy(handler));
        }
        return builder.instrumentation(new ChainedInstrumentation(chain));
    }

    private static Object read(GraphQL.Builder builder, String name) {
        try {
            Field field = GraphQL.Builder.class.getDeclaredField(name);
            field.setAccessible(true);
            return field.get(builder);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot extend SmallRye's GraphQL setup (" + name + ")", e);
        }
    }
}
