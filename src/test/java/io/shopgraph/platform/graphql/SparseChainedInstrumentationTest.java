package io.shopgraph.platform.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldParameters;
import graphql.schema.DataFetcher;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;

/**
 * The sparse chain calls exactly the members that implement a hook, in the chain's order, with each member's own state,
 * and a real graphql-java execution through it gives what the members make of it. No Quarkus boot.
 */
class SparseChainedInstrumentationTest {

    /** Records its calls; implements the per-field execution hook, the data fetcher and the result. */
    static final class Recording extends SimplePerformantInstrumentation {
        final String name;
        final List<String> calls;

        Recording(String name, List<String> calls) {
            this.name = name;
            this.calls = calls;
        }

        @Override
        public InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
            return new Named(name);
        }

        @Override
        public InstrumentationContext<Object> beginFieldExecution(InstrumentationFieldParameters parameters, InstrumentationState state) {
            String field = parameters.getExecutionStepInfo().getPath().toString();
            calls.add(((Named) state).name() + " begin " + field);
            return SimpleInstrumentationContext.whenCompleted((value, failure) -> calls.add(name + " end " + field));
        }

        @Override
        public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters,
                InstrumentationState state) {
            return env -> {
                Object value = fetcher.get(env);
                return value instanceof String text ? text + "+" + name : value;
            };
        }

        @Override
        public java.util.concurrent.CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
                InstrumentationExecutionParameters parameters, InstrumentationState state) {
            calls.add(name + " result");
            return super.instrumentExecutionResult(result, parameters, state);
        }
    }

    record Named(String name) implements InstrumentationState {
    }

    /** Implements only the deprecated fetch hook, which beginFieldFetching's interface default calls. */
    static final class OldFetch implements Instrumentation {
        final List<String> calls;

        OldFetch(List<String> calls) {
            this.calls = calls;
        }

        @SuppressWarnings("deprecation")
        @Override
        public InstrumentationContext<Object> beginFieldFetch(InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
            calls.add("old fetch " + parameters.getExecutionStepInfo().getPath());
            return SimpleInstrumentationContext.noOp();
        }
    }

    private static List<Instrumentation> members(List<String> calls) {
        return List.of(new Recording("a", calls), new SimplePerformantInstrumentation(), new OldFetch(calls), new Recording("b", calls));
    }

    private static ExecutionResult run(Instrumentation instrumentation) {
        GraphQL graphQL = GraphQL.newGraphQL(new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse("type Query { hello: String }"),
                RuntimeWiring.newRuntimeWiring().type("Query", t -> t.dataFetcher("hello", env -> "world")).build()))
                .instrumentation(instrumentation).build();
        return graphQL.execute("{ hello }");
    }

    @Test
    void membersAreCalledOnlyForTheHooksTheyImplementInTheChainsOrderAsTheStockChainCallsThem() {
        List<String> calls = new ArrayList<>();
        SparseChainedInstrumentation chain = new SparseChainedInstrumentation(members(calls));
        assertThat(chain.fieldExecutionMembers()).containsExactly(Recording.class, Recording.class);

        ExecutionResult result = run(chain);

        assertThat(result.getErrors()).isEmpty();
        // Data fetchers wrap in chain order: b wraps a's fetcher, so a's suffix comes first.
        assertThat(result.<Map<String, Object>>getData()).containsEntry("hello", "world+a+b");
        assertThat(calls).containsExactly("a begin /hello", "b begin /hello", "old fetch /hello", "a end /hello", "b end /hello",
                "a result", "b result");

        List<String> stockCalls = new ArrayList<>();
        ExecutionResult stock = run(new ChainedInstrumentation(members(stockCalls)));
        assertThat(stock.<Map<String, Object>>getData()).isEqualTo(result.getData());
        assertThat(stockCalls).isEqualTo(calls);
    }

    @Test
    void aMemberThatImplementsNoPerFieldHookIsSkipped() {
        assertThat(SparseChainedInstrumentation.implementsHook(SimplePerformantInstrumentation.class, "beginFieldExecution",
                InstrumentationFieldParameters.class, InstrumentationState.class)).isFalse();
        assertThat(SparseChainedInstrumentation.implementsHook(Recording.class, "beginFieldExecution",
                InstrumentationFieldParameters.class, InstrumentationState.class)).isTrue();
        assertThat(SparseChainedInstrumentation.implementsHook(OldFetch.class, "beginFieldFetching",
                InstrumentationFieldFetchParameters.class, InstrumentationState.class)).as("only the interface's default").isFalse();
        assertThat(SparseChainedInstrumentation.implementsHook(Recording.class, "noSuchHook")).as("unknown: called").isTrue();
    }
}
