package io.shopgraph.catalog.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.shopgraph.catalog.domain.Collection;
import io.shopgraph.catalog.domain.CollectionRepository;
import io.shopgraph.catalog.domain.ProductRepository;
import io.shopgraph.platform.kernel.Ids;
import io.shopgraph.platform.tenancy.TenantContext;

/** Creating collections and managing their products. */
@ApplicationScoped
public class CollectionCommands {

    private final CollectionRepository collections;
    private final ProductRepository products;
    private final EntityManager em;
    private final TenantContext tenant;
    private final CatalogReads reads;

    CollectionCommands(CollectionRepository collections, ProductRepository products, EntityManager em, TenantContext tenant,
            CatalogReads reads) {
        this.collections = collections;
        this.products = products;
        this.em = em;
        this.tenant = tenant;
        this.reads = reads;
    }

    @Transactional
    public CollectionView create(String title, String handle, String description, String imageUrl, String imageAlt) {
        Collection c = new Collection();
        c.id = Ids.newId();
        c.title = ProductCommands.title(title);
        c.handle = handle == null || handle.isBlank() ? ProductCommands.handleFrom(c.title) : ProductCommands.handle(handle);
        if (collections.count("handle", c.handle) > 0) {
            throw ProductCommands.error(ProductErrorCode.HANDLE_TAKEN, List.of("input", "handle"),
                    "Another collection already has the handle '" + c.handle + "'.");
        }
        c.description = description == null ? "" : description;
        if (imageUrl != null && !(imageUrl.startsWith("https://") || imageUrl.startsWith("http://"))) {
            throw ProductCommands.error(ProductErrorCode.INVALID_MEDIA, List.of("input", "imageUrl"), "The image URL must be an http(s) URL.");
        }
        c.imageUrl = imageUrl;
        c.imageAlt = imageAlt;
        c.createdAt = Instant.now();
        collections.persist(c);
        collections.flush();
        return reads.collectionsByIds(List.of(c.id)).get(c.id);
    }

    /** Removes products from a collection; ids not in it are ignored. */
    @Transactional
    public CollectionView removeProducts(UUID collectionId, List<UUID> productIds) {
        requireCollection(collectionId);
        if (!productIds.isEmpty()) {
            em.createNativeQuery("delete from catalog.collection_product where store_id = :store and collection_id = :c "
                    + "and product_id in (:ids)").setParameter("store", tenant.store().orElseThrow().value())
                    .setParameter("c", collectionId).setParameter("ids", List.copyOf(productIds)).executeUpdate();
        }
        return reads.collectionsByIds(List.of(collectionId)).get(collectionId);
    }

    /** Deletes a collection and its memberships; the products stay. */
    @Transactional
    public void delete(UUID collectionId) {
        collections.delete(requireCollection(collectionId));
        collections.flush();
    }

    private Collection requireCollection(UUID collectionId) {
        return collections.findByIdOptional(collectionId).orElseThrow(() -> ProductCommands.error(ProductErrorCode.NOT_FOUND,
                List.of("id"), "No collection has this id."));
    }

    /** Appends products to a collection in the given order; products already in it keep their place. */
    @Transactional
    public CollectionView addProducts(UUID collectionId, List<UUID> productIds) {
        collections.findByIdOptional(collectionId).orElseThrow(() -> ProductCommands.error(ProductErrorCode.NOT_FOUND,
                List.of("id"), "No collection has this id."));
        List<UUID> wanted = new ArrayList<>(new LinkedHashSet<>(productIds));
        if (wanted.isEmpty()) {
            return reads.collectionsByIds(List.of(collectionId)).get(collectionId);
        }
        long found = products.count("id in ?1", wanted);
        if (found != wanted.size()) {
            throw ProductCommands.error(ProductErrorCode.NOT_FOUND, List.of("productIds"), "Some products do not exist in this store.");
        }
        UUID store = tenant.store().orElseThrow().value();
        Number max = (Number) em.createNativeQuery("select coalesce(max(position), -1) from catalog.collection_product "
                + "where store_id = :store and collection_id = :c").setParameter("store", store).setParameter("c", collectionId)
                .getSingleResult();
        int position = max.intValue();
        for (UUID productId : wanted) {
            position++;
            em.createNativeQuery("insert into catalog.collection_product (store_id, collection_id, product_id, position) "
                    + "values (:store, :c, :p, :pos) on conflict do nothing").setParameter("store", store)
                    .setParameter("c", collectionId).setParameter("p", productId).setParameter("pos", position).executeUpdate();
        }
        return reads.collectionsByIds(List.of(collectionId)).get(collectionId);
    }
}
