package io.shopgraph.platform.graphql;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import graphql.ExecutionResult;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.language.OperationDefinition.Operation;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableContext.ContextState;
import io.quarkus.arc.ManagedContext;
import io.shopgraph.platform.graphql.limits.Deadline;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Lets an operation finish when its client hangs up. Quarkus' GraphQL handler ends the request's CDI context from the
 * response's end, exception and close handlers; a close arrives on the event loop while the worker thread is still
 * running the operation, and everything request-scoped (the store binding, the caller's identity) vanishes under it:
 * a checkout whose shopper closed the tab was placed and never got its payment, or failed half-way with INTERNAL.
 * Once the execution starts, those three handlers are replaced by ones that end the context only after the execution
 * has finished (at once if it has). A mutation thus completes as if the client were still there (its answer is lost:
 * the idempotency key replays it). A query whose client hung up is cut short instead: its deadline is abandoned, so no
 * further field is resolved for nobody (a mutation's deadline is left alone: abandoning it would refuse the connection
 * of its next transaction, e.g. a checkout's payment). Last in the instrumentation chain, so that every other
 * instrumentation's result step has run before the context can end.
 */
final class ClientGoneInstrumentation extends SimplePerformantInstrumentation {

    /** One execution's request context: ended once, after both the execution finished and the response ended. */
    static final class Guard implements InstrumentationState {

        private static final int RUNNING = 0;
        private static final int HUNG_UP = 1;
        private static final int FINISHED = 2;

        private final AtomicInteger phase = new AtomicInteger(RUNNING);
        private final AtomicBoolean ended = new AtomicBoolean();
        private final ManagedContext context;
        private final ContextState state;
        private final Deadline deadline;
        private volatile Operation operation;

        Guard(ManagedContext context, ContextState state, Deadline deadline) {
            this.context = context;
            this.state = state;
            this.deadline = deadline;
        }

        /** The response ended or failed, or the connection closed: end the context now, or when the execution finishes. */
        void responseDone() {
            if (phase.compareAndSet(RUNNING, HUNG_UP)) {
                if (deadline != null && operation == Operation.QUERY) {
                    deadline.abandon();
                }
                return;
            }
            if (phase.get() == FINISHED) {
                end();
            }
        }

        /** The execution finished (with a result or a failure): end the context if the response is already done. */
        void executionFinished() {
            if (phase.compareAndSet(RUNNING, FINISHED)) {
                return;
            }
            if (phase.compareAndSet(HUNG_UP, FINISHED)) {
                end();
            }
        }

        boolean ended() {
            return ended.get();
        }

        private void end() {
            if (!ended.compareAndSet(false, true)) {
                return;
            }
            if (context.isActive() && context.getState() == state) {
                context.terminate(); // what Quarkus' handler did: destroy the beans, then leave the context
            } else {
                context.destroy(state);
            }
        }
    }

    @Override
    public CompletableFuture<InstrumentationState> createStateAsync(InstrumentationCreateStateParameters parameters) {
        return CompletableFuture.completedFuture(createState(parameters));
    }

    @Override
    public InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
        RoutingContext ctx = CurrentRequest.routingContext();
        if (ctx == null || ctx.response().ended()) {
            return null;
        }
        ManagedContext requestContext = Arc.container().requestContext();
        Guard guard = new Guard(requestContext, requestContext.getState(), ctx.get(Deadline.KEY));
        Handler<Void> done = ignored -> guard.responseDone();
        ctx.response().endHandler(done).closeHandler(done).exceptionHandler(failure -> guard.responseDone());
        if (ctx.response().closed()) {
            guard.responseDone(); // closed before the handlers were replaced: Quarkus' own handler already ran
        }
        return guard;
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecution(InstrumentationExecutionParameters parameters, InstrumentationState state) {
        if (state instanceof Guard guard) {
            // A failed execution never reaches instrumentExecutionResult.
            return SimpleInstrumentationContext.whenCompleted((result, failure) -> {
                if (failure != null) {
                    guard.executionFinished();
                }
            });
        }
        return null;
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
            InstrumentationState state) {
        if (state instanceof Guard guard) {
            guard.operation = parameters.getExecutionContext().getOperationDefinition().getOperation();
        }
        return null;
    }

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result, InstrumentationExecutionParameters parameters,
            InstrumentationState state) {
        if (state instanceof Guard guard) {
            guard.executionFinished();
        }
        return CompletableFuture.completedFuture(result);
    }
}
