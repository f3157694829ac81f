package io.shopgraph.platform.graphql.limits;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import graphql.ExecutionResult;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import io.quarkus.arc.Arc;
import io.shopgraph.platform.errors.ApiException;
import io.shopgraph.platform.errors.ErrorCode;
import io.shopgraph.platform.graphql.GraphQLRequestGuard;
import io.vertx.core.http.HttpHeaders;
import io.shopgraph.platform.graphql.CurrentRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * The execution side of {@link RequestLimitsRoute}: a data fetcher that would start after the request's
 * {@link Deadline} (or after its client left) fails with TIMEOUT instead of running; the response carries
 * {@code extensions.cost}; and a response without data (a validation or variable coercion failure) gets
 * HTTP 400 when the client reads {@code application/graphql-response+json} (GraphQL over HTTP).
 */
public final class LimitsInstrumentation extends SimplePerformantInstrumentation {

    private record State(RoutingContext ctx, Deadline deadline, Long cost) implements InstrumentationState {
    }

    @Override
    public CompletableFuture<InstrumentationState> createStateAsync(InstrumentationCreateStateParameters parameters) {
        return CompletableFuture.completedFuture(createState(parameters));
    }

    @Override
    public InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
        RoutingContext ctx = CurrentRequest.routingContext();
        if (ctx == null) {
            return null;
        }
        return new State(ctx, ctx.get(Deadline.KEY), ctx.get(RequestLimitsRoute.COST));
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters parameters,
            InstrumentationState state) {
        if (!(state instanceof State s) || s.deadline() == null || parameters.isTrivialDataFetcher()) {
            return dataFetcher;
        }
        Deadline deadline = s.deadline();
        return environment -> {
            if (deadline.passed()) {
                throw new ApiException(ErrorCode.TIMEOUT, "The request ran out of time before this field could be read.");
            }
            return dataFetcher.get(environment);
        };
    }

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
            InstrumentationExecutionParameters parameters, InstrumentationState state) {
        if (!(state instanceof State s)) {
            return CompletableFuture.completedFuture(result);
        }
        if (!result.isDataPresent()) {
            RoutingContext ctx = s.ctx();
            ctx.addHeadersEndHandler(v -> {
                String type = ctx.response().headers().get(HttpHeaders.CONTENT_TYPE);
                if (type != null && type.startsWith(GraphQLRequestGuard.GRAPHQL_RESPONSE_JSON)) {
                    ctx.response().setStatusCode(400);
                }
            });
        }
        if (s.cost() == null) {
            return CompletableFuture.completedFuture(result);
        }
        RequestLimitsRoute route = Arc.container().instance(RequestLimitsRoute.class).get();
        Map<String, Object> cost = new LinkedHashMap<>();
        cost.put("requestedQueryCost", s.cost());
        cost.put("maximumAvailable", route.maximumAvailable(s.ctx()));
        Map<Object, Object> extensions = new LinkedHashMap<>();
        if (result.getExtensions() != null) {
            extensions.putAll(result.getExtensions());
        }
        extensions.put("cost", cost);
        return CompletableFuture.completedFuture(result.transform(b -> b.extensions(extensions)));
    }
}
