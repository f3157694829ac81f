package io.shopgraph.platform.graphql;

import java.util.concurrent.CompletableFuture;

import graphql.ExecutionResult;
import graphql.execution.AsyncExecutionStrategy;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.DataFetcherResult;
import graphql.execution.ExecutionContext;
import graphql.execution.ExecutionStrategyParameters;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import io.shopgraph.platform.persistence.ReadTransaction;

/**
 * The query execution strategy: graphql-java's own, run inside one {@link ReadTransaction}. The scope is
 * opened and closed around the strategy's {@code execute} on the worker thread that runs the request, so
 * it can never outlive the request on that thread, whatever happens; every resolver (batch loads
 * included) has run when {@code execute} returns, since all of them run inline on that thread.
 * Mutations keep graphql-java's serial strategy and their resolvers' own transactions.
 */
final class ReadTransactionStrategy extends AsyncExecutionStrategy {

    ReadTransactionStrategy(DataFetcherExceptionHandler exceptionHandler) {
        super(exceptionHandler);
    }

    @Override
    public CompletableFuture<ExecutionResult> execute(ExecutionContext executionContext, ExecutionStrategyParameters parameters) {
        try (ReadTransaction.Scope scope = ReadTransaction.open()) {
            return super.execute(executionContext, parameters);
        }
    }

    /**
     * A field that failed may have left the read transaction rollback-only (an exception passing through a
     * {@code @Transactional} method): it is renewed so that the document's other fields still read.
     */
    static final class Recovery extends SimplePerformantInstrumentation {

        private static final InstrumentationContext<Object> FIELD = new InstrumentationContext<>() {
            @Override
            public void onDispatched() {
                // only failures matter
            }

            @Override
            public void onCompleted(Object result, Throwable failure) {
                if (failure != null || (result instanceof DataFetcherResult<?> partial && partial.hasErrors())) {
                    ReadTransaction.recover();
                }
            }
        };

        @Override
        public InstrumentationContext<Object> beginFieldFetch(InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
            return FIELD;
        }
    }
}
