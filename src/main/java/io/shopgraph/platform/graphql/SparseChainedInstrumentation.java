package io.shopgraph.platform.graphql;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.execution.ExecutionContext;
import graphql.execution.FieldValueInfo;
import graphql.execution.instrumentation.DocumentAndVariables;
import graphql.execution.instrumentation.ExecuteObjectInstrumentationContext;
import graphql.execution.instrumentation.ExecutionStrategyInstrumentationContext;
import graphql.execution.instrumentation.FieldFetchingInstrumentationContext;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentation;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionStrategyParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldCompleteParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldParameters;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.language.Document;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLSchema;
import graphql.validation.ValidationError;

/**
 * graphql-java's {@code ChainedInstrumentation} with the same order and results, calling each hook only on the
 * instrumentations that implement it. The stock chain calls every hook on every member and collects their contexts in a
 * new list, and the per-field hooks (begin execution, fetching, completion, the data fetcher) run for every field: with
 * the eleven members ShopGraph's chain has, of which one to three implement any per-field hook, a cart read spent a tenth
 * of its service CPU in that machinery.
 * <p>
 * A member implements a hook when its class declares the method below graphql-java's do-nothing bases ({@link
 * Instrumentation}'s defaults, {@link SimplePerformantInstrumentation}, {@link SimpleInstrumentation}); skipping a member
 * that does not is safe because those bases answer null or a no-op context (dropped or inert in the stock chain too) or
 * hand the value through unchanged. {@code beginFieldFetching}'s interface default calls the deprecated {@code
 * beginFieldFetch}, so a member implementing either takes part. When the methods cannot be looked up (a native image
 * without their reflection data), a member counts as implementing every hook: the stock behaviour.
 */
final class SparseChainedInstrumentation implements Instrumentation {

    private static final Set<Class<?>> BASES = Set.of(Instrumentation.class, SimplePerformantInstrumentation.class,
            SimpleInstrumentation.class);

    private final List<Instrumentation> all;
    private final int[] execution;
    private final int[] parse;
    private final int[] validation;
    private final int[] operation;
    private final int[] strategy;
    private final int[] object;
    private final int[] deferred;
    private final int[] subscribed;
    private final int[] fieldExecution;
    private final int[] fieldFetching;
    private final int[] fieldCompletion;
    private final int[] fieldListCompletion;
    private final int[] input;
    private final int[] documentAndVariables;
    private final int[] schema;
    private final int[] executionContext;
    private final int[] dataFetcher;
    private final int[] result;

    /** Each member's state, by the member's position in the chain. */
    record State(InstrumentationState[] states) implements InstrumentationState {
    }

    SparseChainedInstrumentation(List<Instrumentation> instrumentations) {
        this.all = List.copyOf(instrumentations);
        execution = implementing("beginExecution", InstrumentationExecutionParameters.class, InstrumentationState.class);
        parse = implementing("beginParse", InstrumentationExecutionParameters.class, InstrumentationState.class);
        validation = implementing("beginValidation", InstrumentationValidationParameters.class, InstrumentationState.class);
        operation = implementing("beginExecuteOperation", InstrumentationExecuteOperationParameters.class, InstrumentationState.class);
        strategy = implementing("beginExecutionStrategy", InstrumentationExecutionStrategyParameters.class, InstrumentationState.class);
        object = implementing("beginExecuteObject", InstrumentationExecutionStrategyParameters.class, InstrumentationState.class);
        deferred = implementing("beginDeferredField", InstrumentationState.class);
        subscribed = implementing("beginSubscribedFieldEvent", InstrumentationFieldParameters.class, InstrumentationState.class);
        fieldExecution = implementing("beginFieldExecution", InstrumentationFieldParameters.class, InstrumentationState.class);
        fieldFetching = union(implementing("beginFieldFetching", InstrumentationFieldFetchParameters.class, InstrumentationState.class),
                implementing("beginFieldFetch", InstrumentationFieldFetchParameters.class, InstrumentationState.class));
        fieldCompletion = implementing("beginFieldCompletion", InstrumentationFieldCompleteParameters.class, InstrumentationState.class);
        fieldListCompletion = implementing("beginFieldListCompletion", InstrumentationFieldCompleteParameters.class,
                InstrumentationState.class);
        input = implementing("instrumentExecutionInput", ExecutionInput.class, InstrumentationExecutionParameters.class,
                InstrumentationState.class);
        documentAndVariables = implementing("instrumentDocumentAndVariables", DocumentAndVariables.class,
                InstrumentationExecutionParameters.class, InstrumentationState.class);
        schema = implementing("instrumentSchema", GraphQLSchema.class, InstrumentationExecutionParameters.class, InstrumentationState.class);
        executionContext = implementing("instrumentExecutionContext", ExecutionContext.class, InstrumentationExecutionParameters.class,
                InstrumentationState.class);
        dataFetcher = implementing("instrumentDataFetcher", DataFetcher.class, InstrumentationFieldFetchParameters.class,
                InstrumentationState.class);
        result = implementing("instrumentExecutionResult", ExecutionResult.class, InstrumentationExecutionParameters.class,
                InstrumentationState.class);
    }

    /** The members implementing {@code beginFieldExecution}, by class: for the test that keeps the skipping honest. */
    List<Class<?>> fieldExecutionMembers() {
        List<Class<?>> members = new ArrayList<>();
        for (int i : fieldExecution) {
            members.add(all.get(i).getClass());
        }
        return members;
    }

    private int[] implementing(String name, Class<?>... parameters) {
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (implementsHook(all.get(i).getClass(), name, parameters)) {
                found.add(i);
            }
        }
        return found.stream().mapToInt(Integer::intValue).toArray();
    }

    static boolean implementsHook(Class<?> type, String name, Class<?>... parameters) {
        try {
            Method method = type.getMethod(name, parameters);
            return !BASES.contains(method.getDeclaringClass());
        } catch (NoSuchMethodException | SecurityException | LinkageError e) {
            return true; // cannot tell: call it, as the stock chain does
        }
    }

    private static int[] union(int[] a, int[] b) {
        return java.util.stream.IntStream.concat(java.util.Arrays.stream(a), java.util.Arrays.stream(b)).distinct().sorted().toArray();
    }

    @Override
    public CompletableFuture<InstrumentationState> createStateAsync(InstrumentationCreateStateParameters parameters) {
        InstrumentationState[] states = new InstrumentationState[all.size()];
        List<CompletableFuture<?>> pending = null;
        for (int i = 0; i < states.length; i++) {
            CompletableFuture<InstrumentationState> state = all.get(i).createStateAsync(parameters);
            if (state == null) {
                continue;
            }
            if (state.isDone() && !state.isCompletedExceptionally()) {
                states[i] = state.join();
            } else {
                int at = i;
                if (pending == null) {
                    pending = new ArrayList<>();
                }
                pending.add(state.thenAccept(s -> states[at] = s));
            }
        }
        State chained = new State(states);
        return pending == null ? CompletableFuture.completedFuture(chained)
                : CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).thenApply(ignored -> chained);
    }

    private static InstrumentationState state(InstrumentationState chained, int i) {
        return ((State) chained).states()[i];
    }

    /** The members' contexts of one hook, nulls dropped; none, one, or a chained one as the stock chain answers. */
    private <C> List<C> contexts(int[] members, InstrumentationState state, Hook<C> hook) {
        List<C> contexts = new ArrayList<>(members.length);
        for (int i : members) {
            C context = hook.call(all.get(i), state(state, i));
            if (context != null) {
                contexts.add(context);
            }
        }
        return contexts;
    }

    @FunctionalInterface
    private interface Hook<C> {
        C call(Instrumentation member, InstrumentationState state);
    }

    /** No member: {@code none}; one: its own context (null included, as the stock chain answers); more: {@code combine}d. */
    private <C> C sparse(int[] members, InstrumentationState state, Hook<C> hook, C none, Function<List<C>, C> combine) {
        if (members.length == 0) {
            return none;
        }
        if (members.length == 1) {
            return hook.call(all.get(members[0]), state(state, members[0]));
        }
        return combine.apply(contexts(members, state, hook));
    }

    private <T> InstrumentationContext<T> chained(int[] members, InstrumentationState state, Hook<InstrumentationContext<T>> hook) {
        Function<List<InstrumentationContext<T>>, InstrumentationContext<T>> combine = contexts -> new InstrumentationContext<T>() {
            @Override
            public void onDispatched() {
                contexts.forEach(InstrumentationContext::onDispatched);
            }

            @Override
            public void onCompleted(T value, Throwable failure) {
                contexts.forEach(c -> c.onCompleted(value, failure));
            }
        };
        return sparse(members, state, hook, SimpleInstrumentationContext.noOp(), combine);
    }

    @FunctionalInterface
    private interface Step<T> {
        T apply(Instrumentation member, InstrumentationState state, T value);
    }

    /** Each implementing member in turn, given the previous one's value. */
    private <T> T instrumented(int[] members, InstrumentationState state, T value, Step<T> step) {
        T current = value;
        for (int i : members) {
            current = step.apply(all.get(i), state(state, i), current);
        }
        return current;
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecution(InstrumentationExecutionParameters parameters, InstrumentationState state) {
        return chained(execution, state, (m, s) -> m.beginExecution(parameters, s));
    }

    @Override
    public InstrumentationContext<Document> beginParse(InstrumentationExecutionParameters parameters, InstrumentationState state) {
        return chained(parse, state, (m, s) -> m.beginParse(parameters, s));
    }

    @Override
    public InstrumentationContext<List<ValidationError>> beginValidation(InstrumentationValidationParameters parameters,
            InstrumentationState state) {
        return chained(validation, state, (m, s) -> m.beginValidation(parameters, s));
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
            InstrumentationState state) {
        return chained(operation, state, (m, s) -> m.beginExecuteOperation(parameters, s));
    }

    @Override
    public ExecutionStrategyInstrumentationContext beginExecutionStrategy(InstrumentationExecutionStrategyParameters parameters,
            InstrumentationState state) {
        return sparse(strategy, state, (m, s) -> m.beginExecutionStrategy(parameters, s), ExecutionStrategyInstrumentationContext.NOOP,
                contexts -> new ExecutionStrategyInstrumentationContext() {
                    @Override
                    public void onDispatched() {
                        contexts.forEach(InstrumentationContext::onDispatched);
                    }

                    @Override
                    public void onCompleted(ExecutionResult value, Throwable failure) {
                        contexts.forEach(c -> c.onCompleted(value, failure));
                    }

                    @Override
                    public void onFieldValuesInfo(List<FieldValueInfo> infos) {
                        contexts.forEach(c -> c.onFieldValuesInfo(infos));
                    }

                    @Override
                    public void onFieldValuesException() {
                        contexts.forEach(ExecutionStrategyInstrumentationContext::onFieldValuesException);
                    }
                });
    }

    @Override
    public ExecuteObjectInstrumentationContext beginExecuteObject(InstrumentationExecutionStrategyParameters parameters,
            InstrumentationState state) {
        return sparse(object, state, (m, s) -> m.beginExecuteObject(parameters, s), ExecuteObjectInstrumentationContext.NOOP,
                contexts -> new ExecuteObjectInstrumentationContext() {
                    @Override
                    public void onDispatched() {
                        contexts.forEach(InstrumentationContext::onDispatched);
                    }

                    @Override
                    public void onCompleted(Map<String, Object> value, Throwable failure) {
                        contexts.forEach(c -> c.onCompleted(value, failure));
                    }

                    @Override
                    public void onFieldValuesInfo(List<FieldValueInfo> infos) {
                        contexts.forEach(c -> c.onFieldValuesInfo(infos));
                    }

                    @Override
                    public void onFieldValuesException() {
                        contexts.forEach(ExecuteObjectInstrumentationContext::onFieldValuesException);
                    }
                });
    }

    @Override
    public InstrumentationContext<Object> beginDeferredField(InstrumentationState state) {
        return chained(deferred, state, (m, s) -> m.beginDeferredField(s));
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginSubscribedFieldEvent(InstrumentationFieldParameters parameters,
            InstrumentationState state) {
        return chained(subscribed, state, (m, s) -> m.beginSubscribedFieldEvent(parameters, s));
    }

    @Override
    public InstrumentationContext<Object> beginFieldExecution(InstrumentationFieldParameters parameters, InstrumentationState state) {
        return chained(fieldExecution, state, (m, s) -> m.beginFieldExecution(parameters, s));
    }

    @SuppressWarnings("deprecation")
    @Override
    public InstrumentationContext<Object> beginFieldFetch(InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
        return chained(fieldFetching, state, (m, s) -> m.beginFieldFetch(parameters, s));
    }

    @Override
    public FieldFetchingInstrumentationContext beginFieldFetching(InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
        return sparse(fieldFetching, state, (m, s) -> m.beginFieldFetching(parameters, s), FieldFetchingInstrumentationContext.NOOP,
                contexts -> new FieldFetchingInstrumentationContext() {
                    @Override
                    public void onDispatched() {
                        contexts.forEach(FieldFetchingInstrumentationContext::onDispatched);
                    }

                    @Override
                    public void onFetchedValue(Object fetched) {
                        contexts.forEach(c -> c.onFetchedValue(fetched));
                    }

                    @Override
                    public void onCompleted(Object value, Throwable failure) {
                        contexts.forEach(c -> c.onCompleted(value, failure));
                    }
                });
    }

    @Override
    public InstrumentationContext<Object> beginFieldCompletion(InstrumentationFieldCompleteParameters parameters, InstrumentationState state) {
        return chained(fieldCompletion, state, (m, s) -> m.beginFieldCompletion(parameters, s));
    }

    @Override
    public InstrumentationContext<Object> beginFieldListCompletion(InstrumentationFieldCompleteParameters parameters,
            InstrumentationState state) {
        return chained(fieldListCompletion, state, (m, s) -> m.beginFieldListCompletion(parameters, s));
    }

    @Override
    public ExecutionInput instrumentExecutionInput(ExecutionInput value, InstrumentationExecutionParameters parameters,
            InstrumentationState state) {
        return instrumented(input, state, value, (m, s, v) -> m.instrumentExecutionInput(v, parameters, s));
    }

    @Override
    public DocumentAndVariables instrumentDocumentAndVariables(DocumentAndVariables value, InstrumentationExecutionParameters parameters,
            InstrumentationState state) {
        return instrumented(documentAndVariables, state, value, (m, s, v) -> m.instrumentDocumentAndVariables(v, parameters, s));
    }

    @Override
    public GraphQLSchema instrumentSchema(GraphQLSchema value, InstrumentationExecutionParameters parameters, InstrumentationState state) {
        return instrumented(schema, state, value, (m, s, v) -> m.instrumentSchema(v, parameters, s));
    }

    @Override
    public ExecutionContext instrumentExecutionContext(ExecutionContext value, InstrumentationExecutionParameters parameters,
            InstrumentationState state) {
        return instrumented(executionContext, state, value, (m, s, v) -> m.instrumentExecutionContext(v, parameters, s));
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> value, InstrumentationFieldFetchParameters parameters,
            InstrumentationState state) {
        DataFetcher<?> current = value; // a loop rather than instrumented(...): this runs per field, without a lambda to allocate
        for (int i : dataFetcher) {
            current = all.get(i).instrumentDataFetcher(current, parameters, state(state, i));
        }
        return current;
    }

    /** Each implementing member in turn, each given the previous one's result once it is complete (as the stock chain). */
    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult value, InstrumentationExecutionParameters parameters,
            InstrumentationState state) {
        CompletableFuture<ExecutionResult> current = CompletableFuture.completedFuture(value);
        for (int i : result) {
            current = current.thenCompose(r -> all.get(i).instrumentExecutionResult(r, parameters, state(state, i)));
        }
        return current;
    }
}
