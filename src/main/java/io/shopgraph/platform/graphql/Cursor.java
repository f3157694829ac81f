package io.shopgraph.platform.graphql;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import io.shopgraph.platform.errors.ApiException;

/**
 * Opaque pagination cursors: the URL-safe base64 of the sort key values of an item, last one its
 * id, so that paging is stable under inserts and ties. Clients must not build them.
 */
public final class Cursor {

    private static final String SEPARATOR = "\u001f";

    private Cursor() {
    }

    public static String encode(String... keys) {
        String joined = String.join(SEPARATOR, keys);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(joined.getBytes(StandardCharsets.UTF_8));
    }

    /** The sort key values of a cursor; BAD_REQUEST for anything this server did not issue. */
    public static List<String> decode(String cursor, int expectedKeys) {
        try {
            String joined = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            List<String> keys = List.of(joined.split(SEPARATOR, -1));
            if (keys.size() != expectedKeys) {
                throw invalid();
            }
            return keys;
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    private static ApiException invalid() {
        return ApiException.badRequest("The cursor is not valid for this list.");
    }
}
