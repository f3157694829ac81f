package io.shopgraph.platform.graphql;

import graphql.ExecutionResult;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import io.shopgraph.platform.persistence.SqlStatementCounter;

/**
 * Marks the thread that executes a GraphQL operation for as long as it runs, so that
 * {@link SqlStatementCounter#requestTotal()} counts the statements of requests and not those of background
 * work (the event dispatcher and its consumers, scheduled jobs) that runs at the same moment on other threads.
 * Data fetchers run on the executing thread (the read transaction of a query is bound to it).
 */
final class StatementAttributionInstrumentation extends SimplePerformantInstrumentation {

    @Override
    public InstrumentationContext<ExecutionResult> beginExecution(InstrumentationExecutionParameters parameters,
            InstrumentationState state) {
        Thread thread = SqlStatementCounter.enterRequest();
        return SimpleInstrumentationContext.whenCompleted((result, failure) -> SqlStatementCounter.exitRequest(thread));
    }
}
