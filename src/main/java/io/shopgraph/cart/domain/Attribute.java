package io.shopgraph.cart.domain;

import java.util.ArrayList;
import java.util.List;

/** A key/value pair on a cart or a cart line. Stored as two parallel text arrays. */
public record Attribute(String key, String value) {

    public static List<Attribute> fromArrays(String[] keys, String[] values) {
        List<Attribute> result = new ArrayList<>();
        if (keys != null) {
            for (int i = 0; i < keys.length; i++) {
                result.add(new Attribute(keys[i], values != null && i < values.length ? values[i] : ""));
            }
        }
        return List.copyOf(result);
    }

    public static String[] keys(List<Attribute> attributes) {
        return attributes.stream().map(Attribute::key).toArray(String[]::new);
    }

    public static String[] values(List<Attribute> attributes) {
        return attributes.stream().map(Attribute::value).toArray(String[]::new);
    }
}
