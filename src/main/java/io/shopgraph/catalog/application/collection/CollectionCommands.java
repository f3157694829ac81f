package io.shopgraph.catalog.application.collection;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import io.shopgraph.catalog.application.read.CatalogReads;
import io.shopgraph.catalog.application.read.CollectionView;
import io.shopgraph.catalog.domain.CatalogRules;
import io.shopgraph.catalog.domain.Collection;
import io.shopgraph.catalog.domain.CollectionRepository;
import io.shopgraph.catalog.domain.ProductDrafts;
import io.shopgraph.catalog.domain.ProductErrorCode;
import io.shopgraph.catalog.domain.ProductRepository;
import io.shopgraph.platform.cache.LocalWrites;
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
        c.title = ProductDrafts.title(title, ProductDrafts.INPUT);
        c.handle = handle == null || handle.isBlank() ? ProductDrafts.handleFrom(c.title) : ProductDrafts.handle(handle, ProductDrafts.INPUT);
        if (collections.count("handle", c.handle) > 0) {
            throw CatalogRules.error(ProductErrorCode.HANDLE_TAKEN, List.of("input", "handle"),
                    "Another collection already has the handle '" + c.handle + "'.");
        }
        c.description = description == null ? "" : description;
        if (imageUrl != null && !(imageUrl.startsWith("https://") || imageUrl.startsWith("http://"))) {
            throw CatalogRules.error(ProductErrorCode.INVALID_MEDIA, List.of("input", "imageUrl"), "The image URL must be an http(s) URL.");
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
                    + "and product_id in (:ids)").setParameter("store", tenant.requireStore().value())
                    .setParameter("c", collectionId).setParameter("ids", List.copyOf(productIds)).executeUpdate();
            renumber(collectionId);
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
        return collections.findByIdOptional(collectionId).orElseThrow(() -> CatalogRules.error(ProductErrorCode.NOT_FOUND,
                List.of("id"), "No collection has this id."));
    }

    /** Appends products to a collection in the given order; products already in it keep their place. */
    @Transactional
    public CollectionView addProducts(UUID collectionId, List<UUID> productIds) {
        collections.findByIdOptional(collectionId).orElseThrow(() -> CatalogRules.error(ProductErrorCode.NOT_FOUND,
                List.of("id"), "No collection has this id."));
        List<UUID> wanted = new ArrayList<>(new LinkedHashSet<>(productIds));
        if (wanted.isEmpty()) {
            return reads.collectionsByIds(List.of(collectionId)).get(collectionId);
        }
        long found = products.count("id in ?1", wanted);
        if (found != wanted.size()) {
            throw CatalogRules.error(ProductErrorCode.NOT_FOUND, List.of("productIds"), "Some products do not exist in this store.");
        }
        UUID store = tenant.requireStore().value();
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

    /** The collection fields to change; null means "leave as is". */
    public record CollectionChanges(String title, String handle, String description, String imageUrl, String imageAlt) {
    }

    /** A move of collectionReorderProducts: the product and its 0-based position in the resulting order. */
    public record Move(UUID productId, int newPosition) {
    }

    /** Changes a collection's own fields; a new image replaces both its URL and its alternative text. */
    @Transactional
    public CollectionView update(UUID collectionId, CollectionChanges changes) {
        Collection c = requireCollection(collectionId);
        if (changes.title() != null) {
            c.title = ProductDrafts.title(changes.title(), ProductDrafts.INPUT);
        }
        if (changes.handle() != null) {
            String handle = ProductDrafts.handle(changes.handle(), ProductDrafts.INPUT);
            if (collections.count("handle = ?1 and id <> ?2", handle, collectionId) > 0) {
                throw CatalogRules.error(ProductErrorCode.HANDLE_TAKEN, List.of("input", "handle"),
                        "Another collection already has the handle '" + handle + "'.");
            }
            c.handle = handle;
        }
        if (changes.description() != null) {
            c.description = changes.description();
        }
        if (changes.imageUrl() != null) {
            String url = changes.imageUrl().strip();
            if (url.length() > 2048 || !(url.startsWith("https://") || url.startsWith("http://"))) {
                throw CatalogRules.error(ProductErrorCode.INVALID_MEDIA, List.of("input", "image", "url"),
                        "The image URL must be an http(s) URL.");
            }
            c.imageUrl = url;
            c.imageAlt = changes.imageAlt();
        } else if (changes.imageAlt() != null) {
            if (c.imageUrl == null) {
                throw CatalogRules.error(ProductErrorCode.INVALID_MEDIA, List.of("input", "image", "url"),
                        "The collection has no image: give its URL.");
            }
            c.imageAlt = changes.imageAlt();
        }
        collections.flush();
        return reads.collectionsByIds(List.of(collectionId)).get(collectionId);
    }

    /**
     * Applies the moves one after the other, as Shopify does: each takes its product out of the
     * current order and puts it back at {@code newPosition} (0-based; past the end means last).
     * Positions are written back dense (0..n-1). All or nothing: a product that is not in the
     * collection refuses the whole call.
     */
    @Transactional
    public CollectionView reorderProducts(UUID collectionId, List<Move> moves) {
        requireCollection(collectionId);
        UUID store = tenant.requireStore().value();
        @SuppressWarnings("unchecked")
        List<UUID> order = new ArrayList<>(em.createNativeQuery("select product_id from catalog.collection_product "
                + "where store_id = :store and collection_id = :c order by position, product_id", UUID.class)
                .setParameter("store", store).setParameter("c", collectionId).getResultList());
        for (int i = 0; i < moves.size(); i++) {
            Move move = moves.get(i);
            if (move.productId() == null || !order.remove(move.productId())) {
                throw CatalogRules.error(ProductErrorCode.NOT_FOUND, List.of("moves", String.valueOf(i), "productId"),
                        "This product is not in the collection.");
            }
            if (move.newPosition() < 0) {
                throw CatalogRules.error(ProductErrorCode.INVALID_VALUE, List.of("moves", String.valueOf(i), "newPosition"),
                        "A position is 0 or more.");
            }
            order.add(Math.min(move.newPosition(), order.size()), move.productId());
        }
        writePositions(collectionId, order);
        return reads.collectionsByIds(List.of(collectionId)).get(collectionId);
    }

    /** Sets position i for the i-th product, in one statement. */
    private void writePositions(UUID collectionId, List<UUID> order) {
        if (order.isEmpty()) {
            return;
        }
        UUID store = tenant.requireStore().value();
        // JDBC statements bypass Hibernate's statement inspector: tell the storefront cache ourselves.
        LocalWrites.statement("update catalog.collection_product");
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement("update catalog.collection_product cp "
                    + "set position = o.ord - 1 from unnest(?) with ordinality as o(product_id, ord) "
                    + "where cp.store_id = ? and cp.collection_id = ? and cp.product_id = o.product_id and cp.position <> o.ord - 1")) {
                update.setArray(1, connection.createArrayOf("uuid", order.toArray()));
                update.setObject(2, store);
                update.setObject(3, collectionId);
                update.executeUpdate();
            }
        });
    }

    /** Closes the gaps removals leave, keeping the order. */
    private void renumber(UUID collectionId) {
        em.createNativeQuery("update catalog.collection_product cp set position = r.pos from (select product_id, "
                + "(row_number() over (order by position, product_id) - 1)::int as pos from catalog.collection_product "
                + "where store_id = :store and collection_id = :c) r where cp.store_id = :store and cp.collection_id = :c "
                + "and cp.product_id = r.product_id and cp.position <> r.pos")
                .setParameter("store", tenant.requireStore().value()).setParameter("c", collectionId).executeUpdate();
    }

    /** Appends products to collections, each list in its order (one statement per collection); for productsImport. */
    public void appendProducts(Map<UUID, List<UUID>> productsByCollection) {
        UUID store = tenant.requireStore().value();
        LocalWrites.statement("insert into catalog.collection_product");
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("insert into catalog.collection_product "
                    + "(store_id, collection_id, product_id, position) select ?, ?, p.id, "
                    + "(select coalesce(max(position), -1) from catalog.collection_product where store_id = ? and collection_id = ?) + p.ord "
                    + "from unnest(?) with ordinality as p(id, ord) on conflict do nothing")) {
                for (Map.Entry<UUID, List<UUID>> entry : productsByCollection.entrySet()) {
                    insert.setObject(1, store);
                    insert.setObject(2, entry.getKey());
                    insert.setObject(3, store);
                    insert.setObject(4, entry.getKey());
                    insert.setArray(5, connection.createArrayOf("uuid", entry.getValue().toArray()));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }
}
