package io.shopgraph.platform.graphql;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.dataloader.DataLoader;
import org.eclipse.microprofile.config.ConfigProvider;

import graphql.TrivialDataFetcher;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.visibility.BlockedFields;
import graphql.schema.visibility.DefaultGraphqlFieldVisibility;
import graphql.schema.visibility.GraphqlFieldVisibility;
import io.quarkus.logging.Log;
import io.shopgraph.platform.persistence.ReadTransaction;
import io.smallrye.graphql.execution.datafetcher.BatchDataFetcher;
import io.smallrye.graphql.execution.datafetcher.FieldDataFetcher;
import io.smallrye.graphql.execution.datafetcher.helper.ArgumentHelper;
import io.smallrye.graphql.execution.datafetcher.helper.BatchLoaderHelper;
import io.smallrye.graphql.schema.model.Field;
import io.smallrye.graphql.schema.model.Reference;
import io.smallrye.graphql.schema.model.ReferenceType;
import io.smallrye.graphql.schema.model.Wrapper;
import io.smallrye.graphql.transformation.Transformer;

/**
 * Replaces SmallRye's fetcher of plain properties (a record component or getter whose value graphql-java
 * can serialise as it is) with a direct accessor call.
 * <p>
 * SmallRye's {@link FieldDataFetcher} builds a full request context for every single field (a clone of the
 * request context, the field's path as text, its selected sub-fields) before it calls the accessor: on a
 * 24-product listing of ~1,900 fields that was the largest cost of a request. A plain property needs none
 * of it. Module authors write the same code-first records as before: a property is plain when SmallRye
 * would neither transform it (dates, formatted numbers, UUID, URL...) nor adapt it ({@code @AdaptWith},
 * {@code @AdaptToScalar}, maps), and is a single value or a list of such values. Everything else (and
 * root operation) keeps SmallRye's fetcher. Batch ({@code @Source List}) fields keep SmallRye's loader but skip
 * its per-parent work ({@link #batchFetcher}).
 */
final class PlainFields {

    private PlainFields() {
    }

    /** The schema with every plain property of every object type fetched by {@link PlainFetcher}. */
    static GraphQLSchema apply(GraphQLSchema schema) {
        GraphQLCodeRegistry registry = schema.getCodeRegistry();
        Map<FieldCoordinates, DataFetcher<?>> plain = new HashMap<>();
        for (GraphQLNamedType type : schema.getAllTypesAsList()) {
            if (!(type instanceof GraphQLObjectType object) || object.getName().startsWith("__")) {
                continue;
            }
            for (GraphQLFieldDefinition definition : object.getFieldDefinitions()) {
                FieldCoordinates coordinates = FieldCoordinates.coordinates(object, definition);
                DataFetcher<?> fetcher = registry.getDataFetcher(coordinates, definition);
                DataFetcher<?> replacement = null;
                if (fetcher != null && fetcher.getClass() == FieldDataFetcher.class) {
                    replacement = plainFetcher(fetcher);
                } else if (fetcher != null && fetcher.getClass() == BatchDataFetcher.class) {
                    replacement = batchFetcher(fetcher);
                } else if (fetcher != null && fetcher.getClass().getName().startsWith("io.")
                        && !(fetcher instanceof TrivialDataFetcher)) {
                    replacement = new RecoveringFetcher(fetcher); // SmallRye's operation fetchers
                }
                if (replacement != null) {
                    plain.put(coordinates, replacement);
                }
            }
        }
        Log.debugf("%d plain GraphQL properties and batch fields fetched directly", plain.size());
        GraphqlFieldVisibility visibility = visibility(registry.getFieldVisibility(),
                ConfigProvider.getConfig().getOptionalValue("quarkus.smallrye-graphql.field-visibility", String.class).orElse("default"));
        GraphQLCodeRegistry fast = registry.transform(builder -> {
            plain.forEach(builder::dataFetcher);
            builder.fieldVisibility(visibility);
        });
        return schema.transformWithoutTypes(builder -> builder.codeRegistry(fast));
    }

    /**
     * The field visibility to execute with. SmallRye reads every value of its field-visibility setting but
     * "no-introspection" as a list of field patterns to block, "default" included: every field of every request was then
     * looked up through a {@link BlockedFields} that joined the type and field names into a string and matched it against
     * the pattern "default" (which no field name matches), 1-2% of a cart read's CPU. "default" means graphql-java's
     * default visibility; anything else (real patterns, no-introspection) is kept as SmallRye built it.
     */
    static GraphqlFieldVisibility visibility(GraphqlFieldVisibility built, String configured) {
        return built instanceof BlockedFields && "default".equals(configured.strip()) ? DefaultGraphqlFieldVisibility.DEFAULT_FIELD_VISIBILITY
                : built;
    }

    /** A direct fetcher for SmallRye's field fetcher, or null when the property is not plain. */
    private static DataFetcher<?> plainFetcher(DataFetcher<?> smallRye) {
        try {
            Field field = (Field) read(FieldDataFetcher.class, smallRye, "field");
            Reference owner = (Reference) read(FieldDataFetcher.class, smallRye, "owner");
            if (!isPlain(field) || field.getMethodName() == null) {
                return null;
            }
            Class<?> ownerClass = Class.forName(owner.getClassName(), false, Thread.currentThread().getContextClassLoader());
            Method accessor = ownerClass.getMethod(field.getMethodName());
            if (accessor.getParameterCount() != 0 || Modifier.isStatic(accessor.getModifiers())) {
                return null;
            }
            accessor.setAccessible(true);
            return new PlainFetcher(accessor, smallRye);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            // Anything unexpected (another SmallRye version, a class not visible): keep SmallRye's fetcher.
            Log.debugf("Keeping SmallRye's fetcher for a property: %s", e);
            return null;
        }
    }

    /**
     * SmallRye's batch fetcher, minus what it does for every parent object before it queues the parent's key:
     * a full request context (the selection below the field included), data-fetch events and metrics
     * (both off here) and a Mutiny wrapper around the loader's future. The batch call itself still goes
     * through SmallRye's loader, which builds the request context once per batch.
     */
    private static DataFetcher<?> batchFetcher(DataFetcher<?> smallRye) {
        try {
            Field operation = (Field) read(BatchDataFetcher.class, smallRye, "operation");
            ArgumentHelper arguments = (ArgumentHelper) read(BatchDataFetcher.class, smallRye, "argumentHelper");
            String loader = (String) read(BatchDataFetcher.class, smallRye, "batchLoaderName");
            if (operation == null || arguments == null || loader == null) {
                return null;
            }
            return new BatchFetcher(arguments, loader);
        } catch (ReflectiveOperationException | RuntimeException e) {
            Log.debugf("Keeping SmallRye's batch fetcher: %s", e);
            return null;
        }
    }

    static boolean isPlain(Field field) {
        Reference reference = field.getReference();
        if (field.isAdaptingWith() || field.isAdaptingTo() || reference.isAdaptingWith() || reference.isAdaptingTo()
                || field.hasTransformation()) {
            return false;
        }
        if (field.hasWrapper()) {
            Wrapper wrapper = field.getWrapper();
            if (!wrapper.isCollection() || wrapper.isMap() || wrapper.isArray() || wrapper.isOptional() || wrapper.hasWrapper()) {
                return false;
            }
        }
        String className = reference.getClassName();
        if (className.startsWith("java.util.Optional")) {
            return false;
        }
        // What SmallRye's FieldHelper would transform: a scalar whose Java class is not the one graphql-java
        // serialises and for which SmallRye has a transformer. Custom scalars (Decimal) serialise themselves.
        boolean transformed = reference.getType() == ReferenceType.SCALAR && !className.equals(reference.getGraphQLClassName())
                && Transformer.transformer(field) != null;
        return !transformed;
    }

    private static Object read(Class<?> owner, Object target, String name) throws ReflectiveOperationException {
        java.lang.reflect.Field f = owner.getDeclaredField(name);
        f.setAccessible(true);
        return f.get(target);
    }

    /** Calls the accessor; a source of another class (never seen so far) goes to SmallRye's fetcher. */
    private record PlainFetcher(Method accessor, DataFetcher<?> fallback) implements DataFetcher<Object>, TrivialDataFetcher<Object> {

        @Override
        public Object get(DataFetchingEnvironment environment) throws Exception {
            Object source = environment.getSource();
            if (!accessor.getDeclaringClass().isInstance(source)) {
                return fallback.get(environment);
            }
            try {
                return accessor.invoke(source);
            } catch (InvocationTargetException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        }
    }

    /**
     * Queues the parent's key with the field's arguments, as SmallRye's batch fetcher does. With {@link BatchLoaders}'
     * registry, the batch of these arguments: its loader, and the arguments converted once for all its parents. The
     * environment handed to the loader is {@link SelectionOnDemand}'s: SmallRye builds the batch's context from it, and
     * with the plain environment that normalised the whole operation once per batch (8% of a cart read's worker samples).
     */
    record BatchFetcher(ArgumentHelper arguments, String loaderName) implements DataFetcher<Object> {

        @Override
        public Object get(DataFetchingEnvironment environment) throws Exception {
            DataLoader<Object, Object> loader;
            List<Object> converted;
            BatchLoaders.OnDemand.Batch batch = environment.getDataLoaderRegistry() instanceof BatchLoaders.OnDemand onDemand
                    ? onDemand.batch(loaderName, environment.getArguments(), () -> arguments.getArguments(environment, true)) : null;
            if (batch != null) {
                loader = batch.loader();
                converted = batch.arguments();
            } else {
                loader = environment.getDataLoader(loaderName);
                converted = arguments.getArguments(environment, true);
            }
            Map<String, Object> keyContext = new HashMap<>(4);
            keyContext.put(BatchLoaderHelper.ARGUMENTS, converted);
            keyContext.put(BatchLoaderHelper.DATA_FETCHING_ENVIRONMENT, new SelectionOnDemand(environment));
            return loader.load(environment.getSource(), keyContext).whenComplete(RECOVER);
        }
    }

    /** A batch that failed inside the query's read transaction may have left it rollback-only: renew it. */
    private static final java.util.function.BiConsumer<Object, Throwable> RECOVER = (result, failure) -> {
        if (failure != null) {
            ReadTransaction.recover();
        }
    };

    /**
     * An operation (root or non-batch {@code @Source}) field: when it fails, the query's read transaction may be
     * rollback-only (the exception passed through a joined {@code @Transactional} method): renew it so the
     * document's other fields still read. One check per operation field, not per property.
     * <p>
     * SmallRye gets the environment through {@link SelectionOnDemand}: it no longer computes the whole selection
     * below every operation field up front (see there).
     */
    private record RecoveringFetcher(DataFetcher<?> delegate) implements DataFetcher<Object> {

        @Override
        public Object get(DataFetchingEnvironment environment) throws Exception {
            Object result;
            try {
                result = delegate.get(new SelectionOnDemand(environment));
            } catch (Exception | Error e) {
                ReadTransaction.recover();
                throw e;
            }
            if (result instanceof graphql.execution.DataFetcherResult<?> partial && partial.hasErrors()) {
                ReadTransaction.recover();
            } else if (result instanceof java.util.concurrent.CompletionStage<?> stage) {
                return stage.whenComplete(RECOVER);
            }
            return result;
        }
    }
}
