package io.shopgraph.platform.graphql;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import jakarta.json.JsonNumber;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;

import graphql.ExecutionResult;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;

/**
 * Serialise once: a result's {@code data} is written to JSON text here, in one streaming pass, and handed on as
 * {@link Raw}. SmallRye's response writer turns {@code data} into a JSON-P object tree and then that tree into
 * text (two passes over ~1,900 fields for a listing), and on a storefront cache miss the whole response was
 * written a second time for the cache; now SmallRye's writer, and the cache's copy of it
 * ({@link StorefrontCacheInstrumentation}), only wrap the prepared text with {@code errors} and
 * {@code extensions}. Values are written as SmallRye writes them (numbers as {@code BigDecimal} text, enums by
 * name); a value of any other type leaves the result untouched for SmallRye's own path.
 */
final class ResponseJson extends SimplePerformantInstrumentation {

    /** Lower-case hex in \\u escapes, as SmallRye's JSON-P writer (Parsson) writes them: the bytes must be the same. */
    private static final JsonFactory JSON = JsonFactory.builder().disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE).build();

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
            InstrumentationExecutionParameters parameters, InstrumentationState state) {
        Object data = result.getData();
        if (!result.isDataPresent() || data == null || data instanceof Raw) {
            return CompletableFuture.completedFuture(result);
        }
        String text = write(data);
        if (text == null) {
            return CompletableFuture.completedFuture(result);
        }
        Raw raw = new Raw(text);
        return CompletableFuture.completedFuture(result.transform(b -> b.data(raw)));
    }

    /** The JSON text of a result's data, or null when it holds a value SmallRye would hand to JSON-B. */
    static String write(Object data) {
        StringWriter out = new StringWriter(4096);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            if (!value(json, data)) {
                return null;
            }
        } catch (IOException e) {
            throw new IllegalStateException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    private static boolean value(JsonGenerator json, Object value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof String s) {
            json.writeString(s);
        } else if (value instanceof Map<?, ?> map) {
            json.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                json.writeFieldName(String.valueOf(e.getKey()));
                if (!value(json, e.getValue())) {
                    return false;
                }
            }
            json.writeEndObject();
        } else if (value instanceof Collection<?> list) {
            json.writeStartArray();
            for (Object element : list) {
                if (!value(json, element)) {
                    return false;
                }
            }
            json.writeEndArray();
        } else if (value instanceof Boolean b) {
            json.writeBoolean(b);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            json.writeNumber(((Number) value).longValue());
        } else if (value instanceof BigDecimal d) {
            json.writeNumber(d.toString());
        } else if (value instanceof BigInteger i) {
            json.writeNumber(i);
        } else if (value instanceof Double d) {
            json.writeNumber(BigDecimal.valueOf(d).toString()); // as JSON-P writes a double
        } else if (value instanceof Float f) {
            json.writeNumber(new BigDecimal(String.valueOf(f)).toString());
        } else if (value instanceof Enum<?> e) {
            json.writeString(e.name());
        } else {
            return false;
        }
        return true;
    }

    /**
     * Prepared JSON text where SmallRye expects a value. SmallRye keeps a {@link jakarta.json.JsonValue} as it is,
     * and the JSON-P writer writes a {@link JsonNumber} as its {@code toString()}, verbatim: that is the one way to
     * hand SmallRye's writer text it does not walk again. Nothing reads it as a number.
     */
    static final class Raw implements JsonNumber {
        private final String text;

        Raw(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }

        @Override
        public ValueType getValueType() {
            return ValueType.NUMBER;
        }

        @Override
        public boolean isIntegral() {
            return false;
        }

        @Override
        public int intValue() {
            throw notANumber();
        }

        @Override
        public int intValueExact() {
            throw notANumber();
        }

        @Override
        public long longValue() {
            throw notANumber();
        }

        @Override
        public long longValueExact() {
            throw notANumber();
        }

        @Override
        public BigInteger bigIntegerValue() {
            throw notANumber();
        }

        @Override
        public BigInteger bigIntegerValueExact() {
            throw notANumber();
        }

        @Override
        public double doubleValue() {
            throw notANumber();
        }

        @Override
        public BigDecimal bigDecimalValue() {
            throw notANumber();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Raw r && r.text.equals(text);
        }

        @Override
        public int hashCode() {
            return text.hashCode();
        }

        private static UnsupportedOperationException notANumber() {
            return new UnsupportedOperationException("prepared JSON text, not a number");
        }
    }
}
