package io.shopgraph.catalog.domain;

import static io.shopgraph.catalog.domain.CatalogRules.append;
import static io.shopgraph.catalog.domain.CatalogRules.error;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import io.shopgraph.platform.kernel.Ids;

/**
 * The rules of a product's metafields, checked before anything is written: at most {@link #MAX_PER_PRODUCT},
 * namespace and key of 1 to 64 letters, digits, '_' or '-' (namespace "custom" when not given), a value of 1 to
 * {@link #MAX_VALUE_LENGTH} characters, no namespace and key twice.
 */
public final class MetafieldRules {

    public static final int MAX_PER_PRODUCT = 50;
    public static final int MAX_VALUE_LENGTH = 10_000;
    public static final String DEFAULT_NAMESPACE = "custom";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private MetafieldRules() {
    }

    /** The rows that make {@code drafts} the product's whole set; {@code field} is the path of the input list. */
    public static List<ProductMetafield> prepare(UUID productId, List<MetafieldDraft> drafts, List<String> field, Instant now) {
        if (drafts.size() > MAX_PER_PRODUCT) {
            throw error(ProductErrorCode.TOO_MANY_METAFIELDS, field, "A product has at most " + MAX_PER_PRODUCT + " metafields.");
        }
        List<ProductMetafield> rows = new ArrayList<>();
        Set<List<String>> seen = new HashSet<>();
        for (int i = 0; i < drafts.size(); i++) {
            MetafieldDraft d = drafts.get(i);
            List<String> at = append(field, String.valueOf(i));
            String namespace = d.namespace() == null ? DEFAULT_NAMESPACE : d.namespace().strip();
            String key = d.key() == null ? "" : d.key().strip();
            if (!NAME.matcher(namespace).matches()) {
                throw error(ProductErrorCode.INVALID_METAFIELD, append(at, "namespace"),
                        "A namespace is 1 to 64 letters, digits, '_' or '-'.");
            }
            if (!NAME.matcher(key).matches()) {
                throw error(ProductErrorCode.INVALID_METAFIELD, append(at, "key"), "A key is 1 to 64 letters, digits, '_' or '-'.");
            }
            if (d.value() == null || d.value().isEmpty() || d.value().length() > MAX_VALUE_LENGTH) {
                throw error(ProductErrorCode.INVALID_METAFIELD, append(at, "value"),
                        "A value has 1 to " + MAX_VALUE_LENGTH + " characters.");
            }
            if (!seen.add(List.of(namespace, key))) {
                throw error(ProductErrorCode.INVALID_METAFIELD, append(at, "key"), "Two metafields are " + namespace + "." + key + ".");
            }
            ProductMetafield row = new ProductMetafield();
            row.id = Ids.newId();
            row.productId = productId;
            row.namespace = namespace;
            row.key = key;
            row.value = d.value();
            row.storefrontVisible = Boolean.TRUE.equals(d.storefrontVisible());
            row.updatedAt = now;
            rows.add(row);
        }
        return rows;
    }
}
