package io.shopgraph.catalog.application.imports;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArray;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.exception.ConstraintViolationException;

import io.shopgraph.catalog.api.ProductView;
import io.shopgraph.catalog.application.collection.CollectionCommands;
import io.shopgraph.catalog.application.imports.ProductDocument.Row;
import io.shopgraph.catalog.application.product.ProductCommands;
import io.shopgraph.catalog.application.read.CatalogReads;
import io.shopgraph.catalog.domain.CatalogRules;
import io.shopgraph.catalog.domain.ProductDrafts;
import io.shopgraph.catalog.domain.ProductErrorCode;
import io.shopgraph.platform.errors.DomainException;
import io.shopgraph.platform.tenancy.TenantContext;
import io.shopgraph.store.api.StoreApi;

/**
 * productsImport: many products from one JSON document, <b>all or nothing</b>. Every row is
 * checked first (the same rules as productCreate, through {@link ProductDrafts}), then against the
 * other rows (handles, SKUs) and the store (handles, SKUs, collection handles); when any row is bad,
 * every bad row is reported by index and nothing is written. Otherwise all rows are inserted in the
 * caller's one transaction, in JDBC batches. The format is in docs/catalog.md.
 */
@ApplicationScoped
public class ProductImports {

    /** One problem of the document: {@code index} is the row's index in {@code products}, null for the document itself. */
    public record ImportError(Integer index, List<String> field, ProductErrorCode code, String message) {
    }

    /** The outcome: the created products in document order, or the errors (and then nothing was written). */
    public record ImportResult(List<ProductView> products, List<ImportError> errors) {
    }

    private final ProductCommands productCommands;
    private final CollectionCommands collectionCommands;
    private final EntityManager em;
    private final TenantContext tenant;
    private final StoreApi stores;
    private final CatalogReads reads;

    ProductImports(ProductCommands productCommands, CollectionCommands collectionCommands, EntityManager em, TenantContext tenant,
            StoreApi stores, CatalogReads reads) {
        this.productCommands = productCommands;
        this.collectionCommands = collectionCommands;
        this.em = em;
        this.tenant = tenant;
        this.stores = stores;
        this.reads = reads;
    }

    @Transactional
    public ImportResult importDocument(String document) {
        List<ImportError> errors = new ArrayList<>();
        JsonArray items = ProductDocument.parse(document, errors);
        if (items == null) {
            return new ImportResult(List.of(), errors);
        }
        String currency = stores.settings(Set.of(tenant.requireStore())).values().iterator().next().currencyCode();
        List<Row> rows = ProductDocument.rows(items, currency, Instant.now(), errors);
        ProductDocument.checkAgainstEachOther(rows, errors);
        checkAgainstStore(rows, errors);
        Map<String, UUID> collections = collections(rows, errors);
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing(ImportError::index));
            return new ImportResult(List.of(), errors);
        }
        try {
            productCommands.insert(rows.stream().map(Row::prepared).toList(), true);
            Map<UUID, List<UUID>> members = new LinkedHashMap<>();
            for (Row row : rows) {
                for (String handle : row.collections()) {
                    List<UUID> ids = members.computeIfAbsent(collections.get(handle), k -> new ArrayList<>());
                    if (!ids.contains(row.prepared().product().id)) {
                        ids.add(row.prepared().product().id);
                    }
                }
            }
            if (!members.isEmpty()) {
                collectionCommands.appendProducts(members);
            }
            em.flush();
        } catch (ConstraintViolationException e) {
            // A concurrent write took a handle or SKU between the checks and the inserts.
            String constraint = e.getConstraintName() == null ? "" : e.getConstraintName();
            throw new DomainException(constraint.contains("sku") ? ProductErrorCode.SKU_TAKEN : ProductErrorCode.HANDLE_TAKEN,
                    List.of("document"), "Another request took a handle or SKU of the document meanwhile; nothing was imported.");
        }
        List<UUID> ids = rows.stream().map(r -> r.prepared().product().id).toList();
        Map<UUID, ProductView> views = reads.productsByIds(ids, false);
        return new ImportResult(ids.stream().map(views::get).toList(), List.of());
    }

    private void checkAgainstStore(List<Row> rows, List<ImportError> errors) {
        Set<String> takenHandles = productCommands.takenHandles(rows.stream().map(r -> r.prepared().product().handle).toList());
        Set<String> takenSkus = productCommands.takenSkus(rows.stream().flatMap(r -> r.prepared().variants().stream())
                .map(v -> v.sku).filter(java.util.Objects::nonNull).toList());
        for (Row row : rows) {
            List<String> at = List.of("products", String.valueOf(row.index()));
            if (takenHandles.contains(row.prepared().product().handle)) {
                errors.add(new ImportError(row.index(), CatalogRules.append(at, "handle"), ProductErrorCode.HANDLE_TAKEN,
                        "Another product already has the handle '" + row.prepared().product().handle + "'."));
            }
            for (int v = 0; v < row.prepared().variants().size(); v++) {
                String sku = row.prepared().variants().get(v).sku;
                if (sku != null && takenSkus.contains(sku)) {
                    errors.add(new ImportError(row.index(), List.of("products", String.valueOf(row.index()), "variants", String.valueOf(v), "sku"),
                            ProductErrorCode.SKU_TAKEN, "The SKU '" + sku + "' is already used."));
                }
            }
        }
    }

    /** The collections the rows name, by handle (one statement); unknown handles are errors. */
    private Map<String, UUID> collections(List<Row> rows, List<ImportError> errors) {
        Set<String> handles = new java.util.HashSet<>();
        rows.forEach(r -> r.collections().stream().filter(java.util.Objects::nonNull).forEach(handles::add));
        Map<String, UUID> found = new HashMap<>();
        if (!handles.isEmpty()) {
            em.createQuery("select c.handle, c.id from Collection c where c.handle in :handles", Object[].class)
                    .setParameter("handles", List.copyOf(handles)).getResultList()
                    .forEach(r -> found.put((String) r[0], (UUID) r[1]));
        }
        for (Row row : rows) {
            for (int c = 0; c < row.collections().size(); c++) {
                if (!found.containsKey(row.collections().get(c))) {
                    errors.add(new ImportError(row.index(), List.of("products", String.valueOf(row.index()), "collections", String.valueOf(c)),
                            ProductErrorCode.NOT_FOUND, "No collection has the handle '" + row.collections().get(c) + "'."));
                }
            }
        }
        return found;
    }
}
