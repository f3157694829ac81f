package io.shopgraph.platform.graphql;

import java.util.concurrent.CompletableFuture;

import graphql.ExecutionResult;
import graphql.execution.AsyncExecutionStrategy;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.ExecutionContext;
import graphql.execution.ExecutionStrategyParameters;
import io.shopgraph.platform.persistence.ReadTransaction;

/**
 * The query execution strategy: graphql-java's own, run inside one {@link ReadTransaction}. The scope is
 * opened and closed around the strategy's {@code execute} on the worker thread that runs the request, so
 * it can never outlive the request on that thread, whatever happens; every resolver (batch loads
 * included) has run when {@code execute} returns, since all of them run inline on that thread.
 * Mutations keep graphql-java's serial strategy and their resolvers' own transactions. A failed operation
 * or batch field renews a transaction left rollback-only ({@code PlainFields}' fetchers call
 * {@link ReadTransaction#recover()}), with no per-field instrumentation.
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
}
