package io.shopgraph.catalog.application.read;

import static io.shopgraph.catalog.application.read.Rows.str;
import static io.shopgraph.catalog.application.read.Rows.uuid;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.shopgraph.platform.tenancy.TenantContext;

/** The stored translations of products and collections, for merchants; one statement per batch. */
@ApplicationScoped
public class TranslationReads {

    private final EntityManager em;
    private final TenantContext tenant;

    TranslationReads(EntityManager em, TenantContext tenant) {
        this.em = em;
        this.tenant = tenant;
    }

    /** Each product's translations by locale. */
    @Transactional
    @SuppressWarnings("unchecked")
    public Map<UUID, List<ProductTranslationView>> ofProducts(Collection<UUID> productIds) {
        List<Object[]> rows = em.createNativeQuery("select t.product_id, t.locale, t.title, t.description, t.description_html "
                + "from catalog.product_translation t where t.store_id = :store and t.product_id in (:ids) order by t.product_id, t.locale")
                .setParameter("store", tenant.requireStore().value()).setParameter("ids", List.copyOf(productIds))
                .getResultList();
        Map<UUID, List<ProductTranslationView>> found = new HashMap<>();
        for (Object[] r : rows) {
            found.computeIfAbsent(uuid(r[0]), k -> new ArrayList<>())
                    .add(new ProductTranslationView(str(r[1]), str(r[2]), str(r[3]), str(r[4])));
        }
        return found;
    }

    /** Each collection's translations by locale. */
    @Transactional
    @SuppressWarnings("unchecked")
    public Map<UUID, List<CollectionTranslationView>> ofCollections(Collection<UUID> collectionIds) {
        List<Object[]> rows = em.createNativeQuery("select t.collection_id, t.locale, t.title, t.description "
                + "from catalog.collection_translation t where t.store_id = :store and t.collection_id in (:ids) "
                + "order by t.collection_id, t.locale")
                .setParameter("store", tenant.requireStore().value()).setParameter("ids", List.copyOf(collectionIds))
                .getResultList();
        Map<UUID, List<CollectionTranslationView>> found = new HashMap<>();
        for (Object[] r : rows) {
            found.computeIfAbsent(uuid(r[0]), k -> new ArrayList<>())
                    .add(new CollectionTranslationView(str(r[1]), str(r[2]), str(r[3])));
        }
        return found;
    }
}
