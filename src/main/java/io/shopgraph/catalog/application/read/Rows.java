package io.shopgraph.catalog.application.read;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Conversions of native query columns, whatever JDBC type the driver picked. */
public final class Rows {

    /** Separator used with array_to_string/string_agg so arrays travel as one text column. */
    public static final String SEP = "\u001f";

    private Rows() {
    }

    public static UUID uuid(Object o) {
        return o == null ? null : o instanceof UUID u ? u : UUID.fromString(o.toString());
    }

    public static String str(Object o) {
        return o == null ? null : o.toString();
    }

    public static Integer integer(Object o) {
        return o == null ? null : ((Number) o).intValue();
    }

    public static Long lng(Object o) {
        return o == null ? null : ((Number) o).longValue();
    }

    public static boolean bool(Object o) {
        return o != null && (Boolean) o;
    }

    public static Instant instant(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof Instant i) {
            return i;
        }
        if (o instanceof OffsetDateTime t) {
            return t.toInstant();
        }
        if (o instanceof Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("Unexpected time type " + o.getClass());
    }

    public static List<String> list(Object o) {
        String joined = str(o);
        if (joined == null || joined.isEmpty()) {
            return List.of();
        }
        return Arrays.asList(joined.split(SEP, -1));
    }
}
