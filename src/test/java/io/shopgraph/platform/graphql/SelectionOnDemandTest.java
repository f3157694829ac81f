package io.shopgraph.platform.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.dataloader.BatchLoaderWithContext;
import org.dataloader.DataLoader;
import org.dataloader.DataLoaderFactory;
import org.junit.jupiter.api.Test;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingFieldSelectionSet;
import io.smallrye.graphql.execution.datafetcher.helper.ArgumentHelper;
import io.smallrye.graphql.execution.datafetcher.helper.BatchLoaderHelper;

/**
 * SmallRye's per-call context reads the flat {@code getFields()} of every operation field: through
 * {@link SelectionOnDemand} that costs nothing, while a resolver's own questions still reach the real selection.
 */
class SelectionOnDemandTest {

    private final List<String> asked = new ArrayList<>();

    private DataFetchingEnvironment environment() {
        DataFetchingFieldSelectionSet real = (DataFetchingFieldSelectionSet) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { DataFetchingFieldSelectionSet.class }, (proxy, method, args) -> {
                    asked.add(method.getName());
                    return method.getReturnType() == boolean.class ? Boolean.TRUE : method.getReturnType() == List.class ? List.of() : null;
                });
        return (DataFetchingEnvironment) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { DataFetchingEnvironment.class },
                (proxy, method, args) -> {
                    asked.add("environment." + method.getName());
                    return method.getName().equals("getSelectionSet") ? real : null;
                });
    }

    @Test
    void theFlatFieldListSmallRyeBuildsItsContextFromComputesNothing() {
        SelectionOnDemand onDemand = new SelectionOnDemand(environment());
        assertEquals(List.of(), onDemand.getSelectionSet().getFields());
        assertEquals(List.of(), asked, "the real selection set was computed for SmallRye's context");
    }

    @Test
    void aResolversQuestionsReachTheRealSelection() {
        SelectionOnDemand onDemand = new SelectionOnDemand(environment());
        assertTrue(onDemand.getSelectionSet().contains("facets"));
        onDemand.getSelectionSet().getFields("products/*");
        onDemand.getSelectionSet().getImmediateFields();
        assertEquals(List.of("environment.getSelectionSet", "contains", "environment.getSelectionSet", "getFields",
                "environment.getSelectionSet", "getImmediateFields"), asked);
    }

    @Test
    void aBatchFieldHandsSmallRyesLoaderTheSameOnDemandEnvironment() throws Exception {
        List<Object> keyContexts = new ArrayList<>();
        DataLoader<Object, Object> loader = DataLoaderFactory.newDataLoader((BatchLoaderWithContext<Object, Object>) (keys, batch) -> {
            keyContexts.addAll(batch.getKeyContextsList());
            return CompletableFuture.completedFuture(new ArrayList<>(keys));
        });
        DataFetchingFieldSelectionSet real = (DataFetchingFieldSelectionSet) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { DataFetchingFieldSelectionSet.class }, (proxy, method, args) -> {
                    asked.add(method.getName());
                    return List.of();
                });
        DataFetchingEnvironment parent = (DataFetchingEnvironment) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { DataFetchingEnvironment.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "getDataLoader" -> loader;
                    case "getSource" -> "parent";
                    case "getSelectionSet" -> real;
                    default -> null;
                });
        Object pending = new PlainFields.BatchFetcher(new ArgumentHelper(List.of()), "Cart_lines").get(parent);
        loader.dispatch();
        assertEquals("parent", ((CompletableFuture<?>) pending).get());
        DataFetchingEnvironment handed = (DataFetchingEnvironment) ((Map<?, ?>) keyContexts.get(0)).get(BatchLoaderHelper.DATA_FETCHING_ENVIRONMENT);
        assertTrue(handed instanceof SelectionOnDemand, "SmallRye's batch context would normalise the operation: " + handed);
        assertEquals(List.of(), handed.getSelectionSet().getFields());
        assertEquals(List.of(), asked, "the real selection set was computed for the batch's context");
    }
}
