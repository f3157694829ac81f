package io.shopgraph.digital.application;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Column values of native query rows. */
final class Rows {

    private Rows() {
    }

    static UUID uuid(Object value) {
        return value == null ? null : value instanceof UUID u ? u : UUID.fromString(value.toString());
    }

    static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalArgumentException("Not a timestamp: " + value.getClass());
    }

    static int integer(Object value) {
        return ((Number) value).intValue();
    }

    static long longValue(Object value) {
        return ((Number) value).longValue();
    }
}
