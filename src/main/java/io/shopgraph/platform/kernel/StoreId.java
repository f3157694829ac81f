package io.shopgraph.platform.kernel;

import java.util.Objects;
import java.util.UUID;

/** The id of a store, the tenant that owns almost every row. */
public record StoreId(UUID value) {

    public StoreId {
        Objects.requireNonNull(value, "value");
    }

    public static StoreId of(String value) {
        return new StoreId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
