package io.shopgraph.platform.graphql;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import graphql.ExecutionResult;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ClientProxy;
import io.shopgraph.platform.cache.StorefrontCache;
import io.shopgraph.platform.graphql.StorefrontCacheRoute.Pending;
import io.shopgraph.platform.kernel.StoreId;
import io.shopgraph.platform.tenancy.TenantContext;
import io.smallrye.graphql.execution.ExecutionResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * The SmallRye side of the storefront cache: stores the body of a cacheable request that missed
 * (exactly what SmallRye writes, only when it has data and no errors, and only for the store the
 * request was bound to). Invalidation is not its business: committed writes invalidate
 * ({@code LocalWrites}, notifications), whatever document caused them. State is captured on the calling
 * thread, where the request context is active; the result may complete on another thread.
 */
final class StorefrontCacheInstrumentation extends SimplePerformantInstrumentation {

    private volatile StorefrontCache cache;

    private record State(Pending pending, TenantContext tenant, String contentType)
            implements InstrumentationState {
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
        Pending pending = ctx.get(StorefrontCacheRoute.PENDING);
        if (pending == null) {
            return null;
        }
        TenantContext tenant = ClientProxy.unwrap(Arc.container().instance(TenantContext.class).get());
        return new State(pending, tenant, ctx.response().headers().get(HttpHeaders.CONTENT_TYPE));
    }

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
            InstrumentationExecutionParameters parameters, InstrumentationState state) {
        if (state instanceof State s) {
            StorefrontCache c = cache();
            Optional<StoreId> store = s.tenant().store();
            Pending p = s.pending();
            if (result.isDataPresent() && result.getErrors().isEmpty() && store.equals(Optional.of(p.store()))
                    && s.contentType() != null) {
                byte[] body = new ExecutionResponse(result).getExecutionResultAsString().getBytes(StandardCharsets.UTF_8);
                StorefrontCache.Hit stored = c.store(p.store(), p.variant(), p.request(), p.stamp(), s.contentType(), body);
                if (stored != null) {
                    p.stored().accept(stored);
                }
            }
        }
        return CompletableFuture.completedFuture(result);
    }

    private StorefrontCache cache() {
        StorefrontCache c = cache;
        if (c == null) {
            c = Arc.container().instance(StorefrontCache.class).get();
            cache = c;
        }
        return c;
    }
}
