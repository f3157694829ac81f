package io.shopgraph.platform.kernel;

import java.util.Optional;
import java.util.UUID;

/**
 * The opaque, typed id every object carries in the API: {@code gid://shopgraph/<Type>/<uuid>}.
 * Clients must treat it as an opaque string; the type lets {@code node(id:)} find the owner.
 */
public record GlobalId(String type, UUID id) {

    private static final String PREFIX = "gid://shopgraph/";
    public GlobalId {
        if (!isTypeName(type)) {
            throw new IllegalArgumentException("invalid type");
        }
    }

    public static String format(String type, UUID id) {
        return PREFIX + type + "/" + id;
    }

    /** Parses any well-formed global id; empty when the text is not one. */
    public static Optional<GlobalId> parse(String text) {
        if (text == null || !text.startsWith(PREFIX) || text.length() > 128) {
            return Optional.empty();
        }
        String rest = text.substring(PREFIX.length());
        int slash = rest.indexOf('/');
        if (slash <= 0) {
            return Optional.empty();
        }
        String type = rest.substring(0, slash);
        if (!isTypeName(type)) {
            return Optional.empty();
        }
        try {
            String uuid = rest.substring(slash + 1);
            if (uuid.length() != 36) {
                return Optional.empty();
            }
            return Optional.of(new GlobalId(type, UUID.fromString(uuid)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Parses a global id of the expected type; empty for malformed ids and ids of other types. */
    public static Optional<UUID> parse(String text, String expectedType) {
        return parse(text).filter(g -> g.type().equals(expectedType)).map(GlobalId::id);
    }

    /**
     * An upper-case ASCII letter followed by up to 63 ASCII letters. Checked by hand rather than with
     * a regular expression: batch resolvers parse ids of every row of a page.
     */
    private static boolean isTypeName(String type) {
        if (type.isEmpty() || type.length() > 64 || type.charAt(0) < 'A' || type.charAt(0) > 'Z') {
            return false;
        }
        for (int i = 1; i < type.length(); i++) {
            char c = type.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z')) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return format(type, id);
    }
}
