package io.shopgraph.platform.graphql.limits;

import java.util.List;
import java.util.Map;

/**
 * Code points no stored text may hold: NUL (PostgreSQL text cannot store it), unpaired surrogates
 * (not Unicode scalar values: they cannot be encoded as UTF-8) and the noncharacters U+FFFE and U+FFFF.
 */
public final class InputText {

    private InputText() {
    }

    /** The first forbidden code point of {@code text}, or -1. */
    public static int firstForbidden(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0 || c == '\uFFFE' || c == '\uFFFF') {
                return c;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return c;
                }
            } else if (Character.isLowSurrogate(c)) {
                return c;
            }
        }
        return -1;
    }

    /** The path (a.b.0.c) of the first string in {@code value} holding a forbidden code point, or null. */
    public static String findForbidden(Object value, String path) {
        if (value instanceof String s) {
            return firstForbidden(s) >= 0 ? path : null;
        }
        if (value instanceof Map<?, ?> map) {
            for (var e : map.entrySet()) {
                String key = String.valueOf(e.getKey());
                String at = firstForbidden(key) >= 0 ? path : findForbidden(e.getValue(), path.isEmpty() ? key : path + "." + key);
                if (at != null) {
                    return at;
                }
            }
        }
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                String at = findForbidden(list.get(i), path + "." + i);
                if (at != null) {
                    return at;
                }
            }
        }
        return null;
    }

    public static String describe(int codePoint) {
        return String.format("U+%04X", codePoint);
    }
}
