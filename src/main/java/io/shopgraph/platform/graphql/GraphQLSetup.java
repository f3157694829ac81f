package io.shopgraph.platform.graphql;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

import graphql.GraphQL;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import graphql.schema.Coercing;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import io.shopgraph.platform.graphql.limits.LimitsInstrumentation;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.graphql.execution.ExecutionService;
import io.smallrye.graphql.execution.QueryCache;
import io.smallrye.graphql.execution.datafetcher.BatchDataFetcher;
import io.smallrye.graphql.execution.datafetcher.FieldDataFetcher;
import io.smallrye.graphql.spi.EventingService;

/**
 * Hooks ShopGraph into SmallRye's GraphQL build (registered as a {@link EventingService} in
 * META-INF/services, which costs nothing per request, unlike CDI GraphQL events).
 * {@link ErrorCodeInstrumentation} and {@link StorefrontCacheInstrumentation} are appended to SmallRye's own
 * instrumentation chain after {@link InputDefaultsInstrumentation} and {@link LimitsInstrumentation},
 * {@link PlainFields} replaces SmallRye's per-field fetcher of plain properties and
 * {@link ReadTransactionStrategy} runs each query in one read transaction.
 * {@code GraphQL.Builder} has no getters and {@code instrumentation(...)} replaces the chain, which would
 * silently drop the depth and complexity limits, so the existing chain (and the schema) are read by reflection.
 * The Decimal, Int and date scalars' coercing is replaced in place (bounded parsing, JSON numbers, messages
 * without Java class names); their SDL is unchanged.
 */
@RegisterForReflection(targets = { GraphQL.Builder.class, GraphQLScalarType.class, FieldDataFetcher.class, BatchDataFetcher.class,
        ExecutionService.class })
public class GraphQLSetup implements EventingService {

    @Override
    public String getConfigKey() {
        return null;
    }

    @Override
    public GraphQL.Builder beforeGraphQLBuild(GraphQL.Builder builder) {
        GraphQLSchema schema = (GraphQLSchema) read(builder, "graphQLSchema");
        if (schema != null) {
            withDecimalCoercing(schema);
            GraphQLSchema executed = PlainFields.apply(schema);
            builder.schema(executed);
            // One parsed and validated document per text, shared with the routes before SmallRye (ParsedDocuments).
            builder.preparsedDocumentProvider(new EngineDocuments(executed));
        }
        List<Instrumentation> chain = new ArrayList<>();
        // defaults and limits first: the deadline wraps the data fetchers; codes then rewrites every error.
        chain.add(new BatchLoaders()); // the request's data loaders, made when first used
        chain.add(new StatementAttributionInstrumentation());
        chain.add(new InputDefaultsInstrumentation());
        chain.add(new LimitsInstrumentation());
        Instrumentation existing = (Instrumentation) read(builder, "instrumentation");
        if (existing instanceof ChainedInstrumentation smallRye) {
            // One flat chain: a nested one costs every field twice. SmallRye's QueryCache is left out: it is an
            // instrumentation only to learn when its own provider's documents were validated, and EngineDocuments
            // replaces that provider; in the chain it was called for every field for nothing.
            // Its depth and complexity limits are checked once per operation (OperationLimitsOnce), where the first stood.
            List<Instrumentation> limits = new ArrayList<>();
            int at = -1;
            for (Instrumentation i : smallRye.getInstrumentations()) {
                if (i instanceof QueryCache) {
                    continue;
                }
                if (i instanceof MaxQueryDepthInstrumentation || i instanceof MaxQueryComplexityInstrumentation) {
                    at = limits.isEmpty() ? chain.size() : at;
                    limits.add(i);
                } else {
                    chain.add(i);
                }
            }
            if (!limits.isEmpty()) {
                chain.add(at, new OperationLimitsOnce(limits));
            }
        } else if (existing != null) {
            chain.add(existing);
        }
        chain.add(new ErrorCodeInstrumentation());
        chain.add(new ResponseJson()); // serialise once: after everything that reads data, before the cache stores it
        chain.add(new StorefrontCacheInstrumentation());
        chain.add(new ClientGoneInstrumentation()); // last: the request context may end once its result step ran
        if (read(builder, "queryExecutionStrategy") == null) {
            // SmallRye leaves the query strategy to graphql-java's default, built with its exception handler.
            DataFetcherExceptionHandler handler = (DataFetcherExceptionHandler) read(builder, "defaultExceptionHandler");
            builder.queryExecutionStrategy(new ReadTransactionStrategy(handler));
        }
        // Each hook called only on the members that implement it (SparseChainedInstrumentation): most hooks run per field.
        return builder.instrumentation(new SparseChainedInstrumentation(chain));
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

    /**
     * SmallRye looks up every request's document through the {@link QueryCache} its ExecutionService holds
     * (to know the request's operation types); that one is replaced by one answering from {@link ParsedDocuments}.
     * The field is final and has no setter, hence reflection (registered for native images above).
     */
    static void shareDocuments(ExecutionService service) {
        try {
            Field field = ExecutionService.class.getDeclaredField("queryCache");
            field.setAccessible(true);
            if (!(field.get(service) instanceof EngineDocuments.SmallRyeDocuments)) {
                field.set(service, new EngineDocuments.SmallRyeDocuments());
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot share parsed documents with SmallRye's ExecutionService", e);
        }
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
