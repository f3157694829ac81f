package io.shopgraph.platform.graphql;

import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import org.dataloader.BatchLoaderWithContext;
import org.dataloader.CacheKey;
import org.dataloader.DataLoader;
import org.dataloader.DataLoaderFactory;
import org.dataloader.DataLoaderOptions;
import org.dataloader.DataLoaderRegistry;

import graphql.ExecutionInput;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import io.quarkus.logging.Log;
import io.smallrye.graphql.bootstrap.DataFetcherFactory;
import io.smallrye.graphql.execution.ExecutionService;
import io.smallrye.graphql.execution.datafetcher.helper.BatchLoaderHelper;
import io.smallrye.graphql.schema.model.Argument;
import io.smallrye.graphql.schema.model.Operation;
import io.smallrye.graphql.schema.model.Schema;
import io.smallrye.graphql.schema.model.Type;
import io.smallrye.graphql.transformation.AbstractDataFetcherException;

/**
 * The data loaders of the schema's batch ({@code @Source List}) fields, made when a request first asks for one.
 * <p>
 * SmallRye registers a data loader for <em>every</em> batch field of the schema on every request (39 of them), and
 * builds a new batch loader for each (a data fetcher with its invoker, argument and field helpers); graphql-java then
 * dispatches all of them at every level of the result. A cart read uses three. Here the batch loaders are built once
 * (they are SmallRye's own, stateless like its other data fetchers) and a request's registry makes a data loader only
 * for the fields it resolves. SmallRye is told there are no batch operations (the model's types lose them once the
 * schema is built, which is all SmallRye read them for before), so it registers nothing; {@link #instrumentExecutionInput}
 * hands graphql-java the lazy registry instead. If SmallRye's internals are not as expected, nothing is changed.
 */
final class BatchLoaders extends SimplePerformantInstrumentation {

    private static volatile Map<String, Factory> factories;
    private static final LongAdder made = new LongAdder();

    /** How a request's data loader for one batch field is made: SmallRye's batch loader, with SmallRye's options. */
    private record Factory(BatchLoaderWithContext<Object, Object> loader, DataLoaderOptions options) {

        DataLoader<Object, Object> make() {
            made.increment();
            return options == null ? DataLoaderFactory.newDataLoader(loader) : DataLoaderFactory.newDataLoader(loader, options);
        }
    }

    /** Takes over SmallRye's per-request data loaders (once, at startup, after the schema is built). */
    static synchronized void install(ExecutionService service) {
        if (factories != null) {
            return;
        }
        try {
            Schema schema = (Schema) read(service, "schema");
            DataFetcherFactory fetchers = (DataFetcherFactory) read(service, "dataFetcherFactory");
            BatchLoaderHelper names = new BatchLoaderHelper();
            Map<String, Factory> built = new HashMap<>();
            Map<String, Type> types = schema.getTypes();
            DataLoaderOptions withArguments = DataLoaderOptions.newOptions().setCacheKeyFunction(ARGUMENTS_KEY).build();
            for (Operation operation : schema.getBatchOperations()) {
                // As SmallRye's ExecutionService.getDataLoaderForOperation builds it, request by request.
                BatchLoaderWithContext<Object, Object> loader = fetchers.getSourceBatchLoader(operation, types.get(operation.getName()));
                boolean noArguments = operation.getArguments().stream().allMatch(Argument::isSourceArgument);
                built.put(names.getName(operation), new Factory(loader, noArguments ? null : withArguments));
            }
            factories = Map.copyOf(built);
            for (Type type : types.values()) {
                if (type.hasBatchOperations()) {
                    type.setBatchOperations(new LinkedHashMap<>());
                }
            }
            Log.debugf("%d batch fields get their data loaders on demand", built.size());
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            factories = null;
            Log.warnf("Keeping SmallRye's per-request data loaders: %s", e);
        }
    }

    /** Data loaders made so far (tests). */
    static long made() {
        return made.sum();
    }

    @Override
    public ExecutionInput instrumentExecutionInput(ExecutionInput input, InstrumentationExecutionParameters parameters,
            InstrumentationState state) {
        Map<String, Factory> known = factories;
        if (known == null) {
            return input; // not installed: SmallRye's registry as it made it
        }
        OnDemand registry = new OnDemand(known);
        // Whatever SmallRye still registered (nothing, once installed) is kept as it is.
        input.getDataLoaderRegistry().getDataLoadersMap().forEach(registry::register);
        return input.transform(builder -> builder.dataLoaderRegistry(registry));
    }

    /**
     * A request's registry: a batch field's data loader is made the first time the field asks for it, one per distinct
     * set of arguments ({@link #batch}).
     */
    static final class OnDemand extends DataLoaderRegistry {

        /**
         * One batch of a field: its data loader and the arguments SmallRye's resolver gets, converted once for all the
         * batch's parents (they share them) rather than once per parent.
         */
        record Batch(DataLoader<Object, Object> loader, List<Object> arguments) {
        }

        private final Map<String, Factory> known;
        private final Map<List<Object>, Batch> byArguments = new ConcurrentHashMap<>();
        private final AtomicInteger registered = new AtomicInteger();

        OnDemand(Map<String, Factory> known) {
            this.known = known;
        }

        /**
         * The data loader of a batch field under these (graphql-java's coerced, value-comparable) arguments. SmallRye
         * calls a batch with the arguments of its first key, so two aliases of one field with different arguments (a
         * product's {@code variants(first: 1)} and {@code variants(first: 2)}) used to share one answer; each set of
         * arguments is its own batch here. The parents of one field occurrence share its arguments, so they still
         * batch together.
         */
        Batch batch(String name, Map<String, Object> arguments, Converter converter) throws AbstractDataFetcherException {
            List<Object> key = List.of(name, arguments);
            Batch found = byArguments.get(key);
            Factory factory = known.get(name);
            if (found != null || factory == null) {
                return found;
            }
            List<Object> converted = converter.convert(); // may fail as SmallRye's own fetcher would, with its exception
            // Registered under a name of its own (for dispatchAll); the registry names the loader, which makes a copy of it:
            // the copy it answers is the one to use.
            return byArguments.computeIfAbsent(key, k -> new Batch(
                    computeIfAbsent(name + "#" + registered.incrementAndGet(), n -> factory.make()), converted));
        }

        /** SmallRye's conversion of a field's arguments for its resolver. */
        interface Converter {
            List<Object> convert() throws AbstractDataFetcherException;
        }

        /** By name, for a batch field whose fetcher is still SmallRye's (when {@code PlainFields} could not replace it). */
        @Override
        public <K, V> DataLoader<K, V> getDataLoader(String key) {
            DataLoader<K, V> loader = super.getDataLoader(key);
            if (loader != null) {
                return loader;
            }
            Factory factory = known.get(key);
            return factory == null ? null : computeIfAbsent(key, k -> factory.make());
        }
    }

    /**
     * The cache key of a batch field with arguments: the parent and the arguments, so that the same parent under
     * different arguments is loaded separately. SmallRye keys by a hash of both, where two parents whose hashes collide
     * would share one answer; this key compares them.
     */
    private static final CacheKey<Object> ARGUMENTS_KEY = new CacheKey<>() {
        @Override
        public Object getKey(Object input) {
            return input;
        }

        @Override
        public Object getKeyWithContext(Object input, Object context) {
            if (context instanceof Map<?, ?> map && map.get(BatchLoaderHelper.ARGUMENTS) instanceof List<?> arguments) {
                return new ArgumentsKey(input, Arrays.asList(arguments.toArray()));
            }
            return input;
        }
    };

    private record ArgumentsKey(Object parent, List<Object> arguments) {
    }

    private static Object read(ExecutionService service, String name) throws ReflectiveOperationException {
        Field field = ExecutionService.class.getDeclaredField(name);
        field.setAccessible(true);
        return Objects.requireNonNull(field.get(service), name);
    }
}
