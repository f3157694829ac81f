package io.shopgraph.catalog.application.product;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.shopgraph.catalog.domain.MetafieldDraft;
import io.shopgraph.catalog.domain.MetafieldRules;
import io.shopgraph.catalog.domain.ProductMetafield;
import io.shopgraph.catalog.domain.ProductMetafieldRepository;
import io.shopgraph.platform.tenancy.TenantContext;

/**
 * Merchant metadata on products: writes (replace-all, inside productCreate/productUpdate's transaction)
 * and the batched read behind {@code Product.metafields}.
 */
@ApplicationScoped
public class ProductMetafields {

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
     * validating every one ({@link MetafieldRules}); {@code field} is the path of the input list for user errors.
     */
    @Transactional
    public void replace(UUID productId, List<MetafieldDraft> drafts, List<String> field) {
        List<ProductMetafield> rows = MetafieldRules.prepare(productId, drafts, field, Instant.now());
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
