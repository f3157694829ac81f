package io.shopgraph.platform.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import graphql.ExecutionResult;
import graphql.ExecutionResultImpl;
import graphql.GraphqlErrorBuilder;
import io.smallrye.graphql.execution.ExecutionResponse;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** Serialise once: the prepared data text makes SmallRye's writer produce exactly what it produced before. */
class ResponseJsonTest {

    enum Status { ACTIVE }

    @Test
    void aResponseWithPreparedDataIsWrittenExactlyAsSmallRyeWroteIt() {
        Map<String, Object> product = new LinkedHashMap<>();
        product.put("id", "gid://shopgraph/Product/1");
        product.put("title", "Caf\u00e9 \"quoted\" \\ back\nline\ttab \u0001 \u2028 \uD83D\uDE00 </script>");
        StringBuilder controls = new StringBuilder();
        for (char c = 0; c < 0x20; c++) {
            controls.append(c);
        }
        product.put("controls", controls.append('\u007f').toString()); // vertical tab and the like: the case of their hex escapes matters
        product.put("count", 3);
        product.put("big", 9_007_199_254_740_993L);
        product.put("amount", new BigDecimal("12.50"));
        product.put("tiny", new BigDecimal("1E-7"));
        product.put("ratio", 0.1);
        product.put("huge", 1.0E10);
        product.put("float", 2.5f);
        product.put("available", true);
        product.put("missing", null);
        product.put("status", Status.ACTIVE);
        product.put("tags", Arrays.asList("a", null, "b"));
        product.put("nested", List.of(Map.of("x", List.of()), new LinkedHashMap<>()));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("products", Map.of("nodes", List.of(product)));

        ExecutionResult plain = ExecutionResultImpl.newExecutionResult().data(data)
                .addError(GraphqlErrorBuilder.newError().message("partial").build())
                .extensions(Map.of("cost", Map.of("requestedQueryCost", 12))).build();
        ExecutionResult prepared = plain.transform(b -> b.data(new ResponseJson.Raw(ResponseJson.write(data))));

        assertThat(new ExecutionResponse(prepared).getExecutionResultAsString())
                .isEqualTo(new ExecutionResponse(plain).getExecutionResultAsString());
    }

    @Property(tries = 200)
    void anyTextIsWrittenAsSmallRyeWritesIt(@ForAll String text, @ForAll long number) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("text", text);
        data.put("number", number);
        data.put("list", new ArrayList<>(List.of(text)));
        ExecutionResult plain = ExecutionResultImpl.newExecutionResult().data(data).build();
        ExecutionResult prepared = plain.transform(b -> b.data(new ResponseJson.Raw(ResponseJson.write(data))));

        assertThat(new ExecutionResponse(prepared).getExecutionResultAsString())
                .isEqualTo(new ExecutionResponse(plain).getExecutionResultAsString());
    }

    @Test
    void aValueSmallRyeWouldHandToJsonBLeavesTheResultAlone() {
        assertThat(ResponseJson.write(Map.of("when", java.time.Instant.EPOCH))).isNull();
    }
}
