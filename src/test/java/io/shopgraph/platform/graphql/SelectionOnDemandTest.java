package io.shopgraph.platform.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingFieldSelectionSet;

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
}
