package io.shopgraph.catalog.application;

import static io.shopgraph.catalog.application.ProductCommands.append;
import static io.shopgraph.catalog.application.ProductCommands.error;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.shopgraph.catalog.domain.ProductMetafield;
import io.shopgraph.catalog.domain.ProductMetafieldRepository;
import io.shopgraph.platform.kernel.Ids;
import io.shopgraph.platform.tenancy.TenantContext;

/**
 * Merchant metadata on products: writes (replace-all, inside productCreate/productUpdate's transaction)
 * and the batched read behind {@code Product.metafields}.
 */
@ApplicationScoped
public class ProductMetafields {

    public static final int MAX_PER_PRODUCT = 50;
    public static final int MAX_VALUE_LENGTH = 10_000;
    public static final String DEFAULT_NAMESPACE = "custom";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final ProductMetafieldRepository metafields;
    private final EntityManager em;
    private final TenantContext tenant;

    ProductMetafields(ProductMetafieldRepository metafields, EntityManager em, TenantContext tenant) {
        this.metafields = metafields;
        this.em = em;
        this.tenant = tenant;
    }

    /**
     * Makes {@code drafts} the product's whole set of metafields (those left out are deleted), after
     * validating every one; {@code field} is the path of the input list for user errors.
     */
    @Transactional
    public void replace(UUID productId, List<MetafieldDraft> drafts, List<String> field) {
        if (drafts.size() > MAX_PER_PRODUCT) {
            throw error(ProductErrorCode.TOO_MANY_METAFIELDS, field, "A product has at most " + MAX_PER_PRODUCT + " metafields.");
        }
        List<ProductMetafield> rows = new ArrayList<>();
        Set<List<String>> seen = new HashSet<>();
        Instant now = Instant.now();
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
        metafields.delete("productId", productId);
        rows.forEach(metafields::persist);
        metafields.flush();
    }

    /**
     * The metafields of each product by namespace and key (one statement); storefronts get only the
     * storefront-visible ones. {@code namespace} narrows the list when given.
     */
    @Transactional
    public Map<UUID, List<MetafieldView>> byProducts(Collection<UUID> productIds, boolean storefront, String namespace) {
        if (productIds.isEmpty()) {
            return Map.of();
        }
        String sql = "select m.product_id, m.namespace, m.key, m.value, m.storefront_visible from catalog.product_metafield m "
                + "where m.store_id = :store and m.product_id in (:ids)" + (storefront ? " and m.storefront_visible" : "")
                + (namespace != null ? " and m.namespace = :ns" : "") + " order by m.product_id, m.namespace, m.key";
        var query = em.createNativeQuery(sql).setParameter("store", tenant.requireStore().value())
                .setParameter("ids", List.copyOf(productIds));
        if (namespace != null) {
            query.setParameter("ns", namespace);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        Map<UUID, List<MetafieldView>> found = new HashMap<>();
        for (Object[] r : rows) {
            found.computeIfAbsent((UUID) r[0], k -> new ArrayList<>())
                    .add(new MetafieldView((String) r[1], (String) r[2], (String) r[3], (Boolean) r[4]));
        }
        return found;
    }
}
