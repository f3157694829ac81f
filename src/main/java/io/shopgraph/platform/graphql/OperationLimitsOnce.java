package io.shopgraph.platform.graphql;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import graphql.ExecutionResult;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.OperationDefinition;

/**
 * graphql-java's depth and complexity limits, which SmallRye installs from
 * {@code quarkus.smallrye-graphql.instrumentation-query-depth} and {@code -complexity}, walk the operation on every
 * execution: 5% of the checkout bench's CPU samples. Their verdict depends on the operation alone unless a
 * {@code @skip} or {@code @include} reads a variable, and the operation is the same object for every request of a
 * text (ParsedDocuments keeps one parsed document per text). So the verdict is computed once per operation and replayed:
 * the same limits, the same error, once. A document with {@code @skip} or {@code @include} is checked on every request,
 * as before.
 */
final class OperationLimitsOnce extends SimplePerformantInstrumentation {

    private final List<Instrumentation> limits;
    /** Per operation (by identity: weak keys), the refusal's message, or empty when it passes. */
    private final Cache<OperationDefinition, Optional<String>> verdicts = Caffeine.newBuilder().weakKeys().maximumSize(4096).build();

    OperationLimitsOnce(List<Instrumentation> limits) {
        this.limits = List.copyOf(limits);
    }

    private record State(List<InstrumentationState> states) implements InstrumentationState {
    }

    @Override
    public CompletableFuture<InstrumentationState> createStateAsync(InstrumentationCreateStateParameters parameters) {
        List<InstrumentationState> states = new ArrayList<>();
        for (Instrumentation limit : limits) {
            CompletableFuture<InstrumentationState> state = limit.createStateAsync(parameters);
            states.add(state == null ? null : state.join());
        }
        return CompletableFuture.completedFuture(new State(states));
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
            InstrumentationState state) {
        ExecutionContext context = parameters.getExecutionContext();
        String text = context.getExecutionInput().getQuery();
        if (text == null || text.contains("@skip") || text.contains("@include")) {
            check(parameters, state); // the verdict may depend on the variables
            return null;
        }
        Optional<String> refused = verdicts.get(context.getOperationDefinition(), operation -> {
            try {
                check(parameters, state);
                return Optional.empty();
            } catch (AbortExecutionException e) {
                return Optional.ofNullable(e.getMessage());
            }
        });
        if (refused.isPresent()) {
            throw new AbortExecutionException(refused.get());
        }
        return null;
    }

    private void check(InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        List<InstrumentationState> states = state instanceof State s ? s.states() : null;
        for (int i = 0; i < limits.size(); i++) {
            limits.get(i).beginExecuteOperation(parameters, states == null ? null : states.get(i)); // throws when refused
        }
    }
}
