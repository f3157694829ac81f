package io.shopgraph.catalog.application.product;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.hibernate.Session;
import org.hibernate.exception.ConstraintViolationException;

import io.shopgraph.catalog.api.ProductStatus;
import io.shopgraph.catalog.api.ProductView;
import io.shopgraph.catalog.api.events.ProductCreated;
import io.shopgraph.catalog.api.events.ProductDeleted;
import io.shopgraph.catalog.api.events.ProductUpdated;
import io.shopgraph.catalog.api.events.ProductsImported;
import io.shopgraph.catalog.api.events.VariantsCreated;
import io.shopgraph.catalog.application.read.CatalogReads;
import io.shopgraph.catalog.domain.CatalogRules;
import io.shopgraph.catalog.domain.DescriptionHtml;
import io.shopgraph.catalog.domain.PreparedProduct;
import io.shopgraph.catalog.domain.Product;
import io.shopgraph.catalog.domain.ProductDraft;
import io.shopgraph.catalog.domain.ProductDrafts;
import io.shopgraph.catalog.domain.ProductErrorCode;
import io.shopgraph.catalog.domain.ProductMediaRepository;
import io.shopgraph.catalog.domain.ProductOptionRepository;
import io.shopgraph.catalog.domain.ProductRepository;
import io.shopgraph.catalog.domain.ProductVariantRepository;
import io.shopgraph.platform.events.EventPublisher;
import io.shopgraph.platform.tenancy.TenantContext;
import io.shopgraph.store.api.StoreApi;

/** Creating, changing and deleting products. One method, one transaction; any failure writes nothing. */
@ApplicationScoped
public class ProductCommands {

    private static final int INSERT_BATCH = 200;

    private final ProductRepository products;
    private final ProductOptionRepository options;
    private final ProductVariantRepository variants;
    private final ProductMediaRepository media;
    private final TenantContext tenant;
    private final StoreApi stores;
    private final CatalogReads reads;
    private final Event<VariantsCreated> variantsCreated;
    private final Event<ProductDeleted> productDeleted;
    private final Event<ProductsImported> productsImported;
    private final EntityManager em;
    private final ProductMetafields metafields;
    private final EventPublisher events;

    ProductCommands(ProductRepository products, ProductOptionRepository options, ProductVariantRepository variants,
            ProductMediaRepository media, TenantContext tenant, StoreApi stores, CatalogReads reads,
            Event<VariantsCreated> variantsCreated, Event<ProductDeleted> productDeleted, Event<ProductsImported> productsImported,
            EntityManager em, ProductMetafields metafields, EventPublisher events) {
        this.events = events;
        this.products = products;
        this.options = options;
        this.variants = variants;
        this.media = media;
        this.tenant = tenant;
        this.stores = stores;
        this.reads = reads;
        this.variantsCreated = variantsCreated;
        this.productDeleted = productDeleted;
        this.productsImported = productsImported;
        this.em = em;
        this.metafields = metafields;
    }

    /**
     * Creates a product. Handles and SKUs are checked up front; should a concurrent request take one
     * between the check and the insert, the unique index answers and the error is still precise.
     */
    @Transactional
    public ProductView create(ProductDraft draft) {
        try {
            ProductView created = doCreate(draft);
            events.publish(new ProductCreated(created.uuid(), ProductJson.of(created)));
            return created;
        } catch (ConstraintViolationException e) {
            throw translate(e);
        }
    }

    private ProductView doCreate(ProductDraft draft) {
        String currency = stores.settings(Set.of(tenant.requireStore())).values().iterator().next().currencyCode();
        PreparedProduct prepared = ProductDrafts.prepare(draft, currency, Instant.now(), ProductDrafts.INPUT);
        requireFreeHandle(prepared.product().handle, null);
        List<String> skus = prepared.variants().stream().map(v -> v.sku).filter(Objects::nonNull).toList();
        Set<String> taken = takenSkus(skus);
        for (int i = 0; i < prepared.variants().size(); i++) {
            String sku = prepared.variants().get(i).sku;
            if (sku != null && taken.contains(sku)) {
                throw CatalogRules.error(ProductErrorCode.SKU_TAKEN, List.of("input", "variants", String.valueOf(i), "sku"),
                        "The SKU '" + sku + "' is already used.");
            }
        }
        insert(List.of(prepared), false);
        if (draft.metafields() != null) {
            metafields.replace(prepared.product().id, draft.metafields(), List.of("input", "metafields"));
        }
        products.flush();
        return reads.productsByIds(List.of(prepared.product().id), false).get(prepared.product().id);
    }

    /**
     * Inserts prepared products (checked against the store by the caller) in the current
     * transaction: entities of one kind after the other (for an import, sent as JDBC batches), then tells inventory:
     * one {@link VariantsCreated} for a single product (productCreate), one {@link ProductsImported}
     * for an import, handled in bulk. An import also clears the persistence context after flushing
     * (the inserted entities are not needed afterwards: reads are native SQL), so later flushes of
     * the same transaction do not dirty-check thousands of written entities.
     */
    public void insert(List<PreparedProduct> prepared, boolean imported) {
        Session session = em.unwrap(Session.class);
        Integer batchSize = session.getJdbcBatchSize();
        if (imported) {
            session.setJdbcBatchSize(INSERT_BATCH);
        }
        try {
            prepared.forEach(p -> products.persist(p.product()));
            prepared.forEach(p -> p.options().forEach(options::persist));
            prepared.forEach(p -> p.variants().forEach(variants::persist));
            prepared.forEach(p -> p.media().forEach(media::persist));
            em.flush();
            if (imported) {
                em.clear();
            }
            List<VariantsCreated> created = prepared.stream().map(ProductCommands::variantsCreated).toList();
            if (imported) {
                productsImported.fire(new ProductsImported(created));
            } else {
                created.forEach(variantsCreated::fire);
            }
            em.flush();
            if (imported) {
                em.clear();
            }
        } finally {
            session.setJdbcBatchSize(batchSize);
        }
    }

    private static VariantsCreated variantsCreated(PreparedProduct p) {
        List<VariantsCreated.CreatedVariant> createdVariants = new ArrayList<>();
        for (int i = 0; i < p.variants().size(); i++) {
            createdVariants.add(new VariantsCreated.CreatedVariant(p.variants().get(i).id, p.initialQuantities().get(i)));
        }
        return new VariantsCreated(p.product().id, createdVariants);
    }

    /** Which of these handles products of the store already have (one statement). */
    public Set<String> takenHandles(java.util.Collection<String> handles) {
        return existing("select handle from catalog.product where store_id = ? and handle = any(?)", handles);
    }

    /** Which of these SKUs variants of the store already have (one statement). */
    public Set<String> takenSkus(java.util.Collection<String> skus) {
        return existing("select sku from catalog.product_variant where store_id = ? and sku = any(?)", skus);
    }

    private Set<String> existing(String sql, java.util.Collection<String> values) {
        Set<String> found = new HashSet<>();
        if (values.isEmpty()) {
            return found;
        }
        UUID store = tenant.requireStore().value();
        em.unwrap(Session.class).doWork(connection -> {
            try (java.sql.PreparedStatement query = connection.prepareStatement(sql)) {
                query.setObject(1, store);
                query.setArray(2, connection.createArrayOf("text", values.toArray()));
                try (java.sql.ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        found.add(rows.getString(1));
                    }
                }
            }
        });
        return found;
    }

    @Transactional
    public ProductView update(UUID id, ProductChanges changes) {
        try {
            ProductView updated = doUpdate(id, changes);
            events.publish(new ProductUpdated(id, ProductJson.of(updated)));
            return updated;
        } catch (ConstraintViolationException e) {
            throw translate(e);
        }
    }

    private ProductView doUpdate(UUID id, ProductChanges changes) {
        // Locked like the variant and media mutations: concurrent updates of one product queue up instead of
        // racing on the metafields' unique index or overwriting each other's derived columns.
        Product product = products.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE).orElseThrow(CatalogRules::productNotFound);
        if (changes.title() != null) {
            product.title = ProductDrafts.title(changes.title(), ProductDrafts.INPUT);
        }
        if (changes.handle() != null) {
            String handle = ProductDrafts.handle(changes.handle(), ProductDrafts.INPUT);
            requireFreeHandle(handle, id);
            product.handle = handle;
        }
        if (changes.descriptionHtml() != null) {
            product.descriptionHtml = DescriptionHtml.sanitize(changes.descriptionHtml());
            product.description = changes.description() != null ? changes.description() : DescriptionHtml.text(product.descriptionHtml);
        } else if (changes.description() != null) {
            product.description = changes.description();
            product.descriptionHtml = ProductDrafts.toHtml(changes.description());
        }
        if (changes.status() != null) {
            if (changes.status() == ProductStatus.ACTIVE && product.publishedAt == null && changes.publishedAt() == null) {
                product.publishedAt = Instant.now();
            }
            product.status = changes.status();
        }
        if (changes.publishedAt() != null) {
            product.publishedAt = changes.publishedAt();
        }
        if (changes.kind() != null) {
            product.kind = changes.kind();
        }
        if (changes.vendor() != null) {
            product.vendor = changes.vendor().strip();
        }
        if (changes.tags() != null) {
            product.tags = ProductDrafts.tags(changes.tags(), ProductDrafts.INPUT);
        }
        if (changes.seoTitle() != null) {
            product.seoTitle = changes.seoTitle();
        }
        if (changes.seoDescription() != null) {
            product.seoDescription = changes.seoDescription();
        }
        if (changes.metafields() != null) {
            metafields.replace(id, changes.metafields(), List.of("input", "metafields"));
        }
        product.updatedAt = Instant.now();
        products.flush();
        return reads.productsByIds(List.of(id), false).get(id);
    }

    /** Deletes a product with its options, variants, media and collection memberships; returns its global id. */
    @Transactional
    public UUID delete(UUID id) {
        Product product = products.findByIdOptional(id).orElseThrow(CatalogRules::productNotFound);
        products.delete(product);
        products.flush();
        ProductDeleted deleted = new ProductDeleted(id);
        productDeleted.fire(deleted);
        events.publish(deleted);
        return id;
    }

    private static RuntimeException translate(ConstraintViolationException e) {
        String constraint = e.getConstraintName() == null ? "" : e.getConstraintName();
        if (constraint.contains("handle")) {
            return CatalogRules.error(ProductErrorCode.HANDLE_TAKEN, List.of("input", "handle"), "Another product already has this handle.");
        }
        if (constraint.contains("sku")) {
            return CatalogRules.error(ProductErrorCode.SKU_TAKEN, List.of("input", "variants"), "A SKU is already used.");
        }
        return e;
    }

    // --- validation -----------------------------------------------------------------------------

    private void requireFreeHandle(String handle, UUID except) {
        long taken = except == null ? products.count("handle", handle) : products.count("handle = ?1 and id <> ?2", handle, except);
        if (taken > 0) {
            throw CatalogRules.error(ProductErrorCode.HANDLE_TAKEN, List.of("input", "handle"), "Another product already has the handle '" + handle + "'.");
        }
    }
}
