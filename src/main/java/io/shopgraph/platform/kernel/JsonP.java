package io.shopgraph.platform.kernel;

import java.io.InputStream;
import java.io.Reader;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.spi.JsonProvider;

/**
 * JSON-P's factories with the provider looked up once. {@code jakarta.json.Json}'s static methods look the provider up
 * through a {@code ServiceLoader} on every call: 4% of the checkout bench's CPU samples went to that lookup, for the
 * builders of one order's lines. {@code ArchitectureTest} keeps {@code Json}'s factories out of the code.
 */
public final class JsonP {

    private static final JsonProvider PROVIDER = JsonProvider.provider();

    private JsonP() {
    }

    public static JsonObjectBuilder createObjectBuilder() {
        return PROVIDER.createObjectBuilder();
    }

    public static JsonArrayBuilder createArrayBuilder() {
        return PROVIDER.createArrayBuilder();
    }

    public static JsonArrayBuilder createArrayBuilder(java.util.Collection<?> values) {
        return PROVIDER.createArrayBuilder(values);
    }

    public static JsonReader createReader(Reader reader) {
        return PROVIDER.createReader(reader);
    }

    public static JsonReader createReader(InputStream in) {
        return PROVIDER.createReader(in);
    }

    public static JsonString createValue(String value) {
        return PROVIDER.createValue(value);
    }
}
