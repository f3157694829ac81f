package io.shopgraph.catalog.application.read;

import static io.shopgraph.catalog.application.read.Rows.str;
import static io.shopgraph.catalog.application.read.Rows.uuid;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.shopgraph.platform.tenancy.TenantContext;

/** The SEO texts of products, one statement for a whole batch (a product page asks, listings rarely do). */
@ApplicationScoped
public class ProductSeoReads {

    private final EntityManager em;
    private final TenantContext tenant;

    ProductSeoReads(EntityManager em, TenantContext tenant) {
        this.em = em;
        this.tenant = tenant;
    }

    /** By product id; the caller has the products, so they are visible to it. */
    @Transactional
    public Map<UUID, SeoView> seo(Collection<UUID> productIds) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select p.id, p.seo_title, p.seo_description from catalog.product p "
                + "where p.store_id = :store and p.id in (:ids)")
                .setParameter("store", tenant.requireStore().value()).setParameter("ids", List.copyOf(productIds)).getResultList();
        Map<UUID, SeoView> found = new HashMap<>();
        for (Object[] r : rows) {
            found.put(uuid(r[0]), new SeoView(str(r[1]), str(r[2])));
        }
        return found;
    }
}
