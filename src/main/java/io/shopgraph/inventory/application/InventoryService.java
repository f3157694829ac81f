package io.shopgraph.inventory.application;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import io.shopgraph.catalog.api.CatalogApi;
import io.shopgraph.catalog.api.ProductVariantView;
import io.shopgraph.catalog.api.events.ProductDeleted;
import io.shopgraph.catalog.api.events.ProductsImported;
import io.shopgraph.catalog.api.events.VariantsBulkCreated;
import io.shopgraph.catalog.api.events.VariantsCreated;
import io.shopgraph.catalog.api.events.VariantsDeleted;
import io.shopgraph.inventory.api.InventoryAdjustmentReason;
import io.shopgraph.inventory.api.InventoryApi;
import io.shopgraph.inventory.api.InventoryPolicy;
import io.shopgraph.inventory.api.StockReservation;
import io.shopgraph.inventory.api.StockSnapshot;
import io.shopgraph.inventory.api.events.InventoryLevelUpdated;
import io.shopgraph.inventory.domain.StockAdjustment;
import io.shopgraph.inventory.domain.StockAdjustmentRepository;
import io.shopgraph.inventory.domain.StockLevel;
import io.shopgraph.inventory.domain.StockLevelRepository;
import io.shopgraph.platform.cache.LocalWrites;
import io.shopgraph.platform.errors.DomainException;
import io.shopgraph.platform.events.EventPublisher;
import io.shopgraph.platform.kernel.GlobalId;
import io.shopgraph.platform.kernel.Ids;
import io.shopgraph.platform.persistence.NativeRows;
import io.shopgraph.platform.tenancy.TenantContext;
import io.shopgraph.platform.kernel.JsonP;

/** Stock levels: kept in step with the catalog's variants, read in batches, changed by compare-and-set. */
@ApplicationScoped
public class InventoryService implements InventoryApi {

    private final StockLevelRepository levels;
    private final EntityManager em;
    private final TenantContext tenant;
    private final CatalogApi catalog;
    private final StockAdjustmentRepository adjustments;
    private final EventPublisher events;
    private final StockLedger ledger;
    private final NativeRows nativeRows;

    InventoryService(StockLevelRepository levels, EntityManager em, TenantContext tenant, CatalogApi catalog,
            StockAdjustmentRepository adjustments, EventPublisher events, StockLedger ledger, NativeRows nativeRows) {
        this.nativeRows = nativeRows;
        this.ledger = ledger;
        this.adjustments = adjustments;
        this.events = events;
        this.levels = levels;
        this.em = em;
        this.tenant = tenant;
        this.catalog = catalog;
    }

    /** Runs inside the catalog's creating transaction: every variant gets an untracked stock row. */
    void onVariantsCreated(@Observes VariantsCreated event) {
        createLevels(List.of(event));
    }

    /** The same for a whole import, in bulk: one flush and one availability statement for all its products. */
    void onProductsImported(@Observes ProductsImported event) {
        createLevels(event.products());
    }

    private void createLevels(List<VariantsCreated> events) {
        Instant now = Instant.now();
        for (VariantsCreated event : events) {
            for (VariantsCreated.CreatedVariant variant : event.variants()) {
                StockLevel level = new StockLevel();
                level.variantId = variant.variantId();
                level.productId = event.productId();
                level.onHand = variant.initialQuantity() == null ? 0 : variant.initialQuantity();
                level.tracked = variant.initialQuantity() != null;
                level.policy = InventoryPolicy.DENY;
                level.updatedAt = now;
                levels.persist(level);
            }
        }
        levels.flush();
        ledger.recordInitial(events.stream().flatMap(e -> e.variants().stream()).filter(v -> v.initialQuantity() != null)
                .map(VariantsCreated.CreatedVariant::variantId).toList());
        catalog.productAvailabilityChanged(productsAvailable(events.stream().map(VariantsCreated::productId).toList()));
    }

    /** Runs inside the bulk-creating transaction: one multi-row insert, then the products' availability. */
    void onVariantsBulkCreated(@Observes VariantsBulkCreated event) {
        UUID store = tenant.requireStore().value();
        // JDBC statements bypass Hibernate's statement inspector: tell the storefront cache ourselves.
        LocalWrites.statement("insert into inventory.stock_level");
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("insert into inventory.stock_level "
                    + "(store_id, variant_id, product_id, on_hand, tracked, policy, updated_at) "
                    + "select ?, v, p, q, true, 'DENY', now() from unnest(?::uuid[], ?::uuid[], ?::int[]) as t(v, p, q)")) {
                insert.setObject(1, store);
                insert.setArray(2, connection.createArrayOf("uuid", event.variants().toArray()));
                insert.setArray(3, connection.createArrayOf("uuid", event.variantProducts().toArray()));
                insert.setArray(4, connection.createArrayOf("int4", event.quantities().toArray()));
                insert.executeUpdate();
            }
        });
        ledger.recordInitial(event.variants());
        catalog.productAvailabilityChanged(productsAvailable(event.products()));
    }

    void onProductDeleted(@Observes ProductDeleted event) {
        levels.delete("productId", event.productId());
    }

    /** Runs inside the catalog's deleting transaction: the deleted variants lose their stock rows. */
    void onVariantsDeleted(@Observes VariantsDeleted event) {
        levels.delete("productId = ?1 and variantId in ?2", event.productId(), event.variantIds());
        catalog.productAvailabilityChanged(productsAvailable(List.of(event.productId())));
    }

    /** Stock of these variants, by variant id (one statement). */
    @Transactional
    public Map<UUID, StockRow> byVariants(Collection<UUID> variantIds) {
        Map<UUID, StockRow> found = new ConcurrentHashMap<>();
        stockRows(variantIds).forEach(row -> found.put(row.variantId(), row));
        return found;
    }

    /**
     * The stock rows of these variants as plain JDBC rows (one statement): the storefront reads stock for every
     * variant of a page (240 for a 24-product listing), and loading them as managed entities cost a persistence
     * context entry and a dirty check at commit each (12% of the listing's CPU samples).
     */
    private List<StockRow> stockRows(Collection<UUID> variantIds) {
        if (variantIds.isEmpty()) {
            return List.of();
        }
        List<StockRow> rows = new ArrayList<>();
        for (Object[] r : nativeRows.query("select variant_id, on_hand, reserved, tracked, policy from inventory.stock_level "
                + "where store_id = :store and variant_id in (:ids)", Map.of("store", tenant.requireStore().value(), "ids",
                        List.copyOf(new HashSet<>(variantIds))))) {
            rows.add(new StockRow((UUID) r[0], ((Number) r[1]).intValue(), ((Number) r[2]).intValue(), (Boolean) r[3],
                    InventoryPolicy.valueOf(r[4].toString())));
        }
        return rows;
    }

    @Override
    @Transactional
    public Map<UUID, StockSnapshot> stock(Collection<UUID> variantIds) {
        if (variantIds.isEmpty()) {
            return Map.of();
        }
        return stockRows(variantIds).stream()
                .collect(Collectors.toMap(StockRow::variantId, l -> new StockSnapshot(l.variantId(), l.available(), l.tracked(), l.policy()),
                        (a, b) -> a));
    }

    /** Whether each product has a variant for sale (one statement). */
    @Transactional
    public Map<UUID, Boolean> productsAvailable(Collection<UUID> productIds) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select product_id, bool_or(not tracked or policy = 'CONTINUE' or on_hand - reserved > 0) "
                + "from inventory.stock_level where store_id = :store and product_id in (:ids) group by product_id")
                .setParameter("store", tenant.requireStore().value()).setParameter("ids", List.copyOf(productIds))
                .getResultList();
        Map<UUID, Boolean> found = new ConcurrentHashMap<>();
        rows.forEach(r -> found.put((UUID) r[0], (Boolean) r[1]));
        return found;
    }

    /**
     * Sets quantities on hand, each only if it still equals what the caller expects. All or nothing:
     * one stale or unknown line refuses the whole call.
     */
    @Transactional
    public List<StockLevelView> setQuantities(List<QuantityChange> changes) {
        if (changes.isEmpty() || changes.size() > 250) {
            throw new DomainException(InventoryErrorCode.INVALID_INPUT, List.of("input", "quantities"), "Send 1 to 250 lines.");
        }
        Set<UUID> seen = new HashSet<>();
        UUID store = tenant.requireStore().value();
        List<StockLevelView> result = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            QuantityChange change = changes.get(i);
            List<String> field = List.of("input", "quantities", String.valueOf(i));
            if (!seen.add(change.variantId())) {
                throw new DomainException(InventoryErrorCode.INVALID_INPUT, field, "A variant appears twice.");
            }
            if (change.quantity() < 0 || change.quantity() > StockAdjustment.MAX_QUANTITY) {
                throw new DomainException(InventoryErrorCode.INVALID_QUANTITY, append(field, "quantity"),
                        "A quantity is between 0 and 1,000,000,000.");
            }
            int updated = em.createNativeQuery("update inventory.stock_level set on_hand = :q, tracked = true, "
                    + "policy = coalesce(nullif(:policy, ''), policy), updated_at = now() "
                    + "where store_id = :store and variant_id = :v and on_hand = :expected")
                    .setParameter("q", change.quantity()).setParameter("policy", change.policy() == null ? "" : change.policy().name())
                    .setParameter("store", store).setParameter("v", change.variantId()).setParameter("expected", change.expected())
                    .executeUpdate();
            if (updated == 0) {
                if (levels.count("variantId", change.variantId()) == 0) {
                    throw new DomainException(InventoryErrorCode.NOT_FOUND, append(field, "variantId"), "No variant has this id.");
                }
                throw new DomainException(InventoryErrorCode.STALE_QUANTITY, append(field, "compareQuantity"),
                        "The quantity on hand is no longer " + change.expected() + "; read it again.");
            }
            ledger.record(change.variantId(), StockLedger.Kind.SET, change.quantity() - change.expected());
        }
        em.clear();
        Set<UUID> products = new HashSet<>();
        for (StockLevel level : levels.list("variantId in ?1", List.copyOf(seen))) {
            StockLevelView view = view(level);
            result.add(view);
            products.add(level.productId);
            published(level.variantId, view);
        }
        catalog.productAvailabilityChanged(productsAvailable(products));
        return result;
    }

    /**
     * Changes quantities on hand by deltas, recording each line with its reason and author (the adjustment
     * rows). All or nothing: an unknown variant or a result outside 0..1,000,000,000 refuses the whole call.
     * Adjusting starts tracking a variant. Concurrent adjustments add up: each line is one atomic
     * {@code on_hand = on_hand + delta}.
     */
    @Transactional
    public List<StockLevelView> adjustQuantities(List<QuantityAdjustment> changes, InventoryAdjustmentReason reason, String note,
            String actor) {
        if (changes.isEmpty() || changes.size() > 250) {
            throw new DomainException(InventoryErrorCode.INVALID_INPUT, List.of("input", "changes"), "Send 1 to 250 lines.");
        }
        String cleanNote = note == null || note.isBlank() ? null : note.strip();
        if (cleanNote != null && cleanNote.length() > StockAdjustment.MAX_NOTE) {
            throw new DomainException(InventoryErrorCode.INVALID_NOTE, List.of("input", "note"),
                    "A note has at most " + StockAdjustment.MAX_NOTE + " characters.");
        }
        Set<UUID> seen = new HashSet<>();
        UUID store = tenant.requireStore().value();
        Instant now = Instant.now();
        for (int i = 0; i < changes.size(); i++) {
            QuantityAdjustment change = changes.get(i);
            List<String> field = List.of("input", "changes", String.valueOf(i));
            if (!seen.add(change.variantId())) {
                throw new DomainException(InventoryErrorCode.INVALID_INPUT, field, "A variant appears twice.");
            }
            if (!StockAdjustment.validDelta(change.delta())) {
                throw new DomainException(InventoryErrorCode.INVALID_QUANTITY, append(field, "delta"),
                        "A delta is not zero and at most 1,000,000,000 either way.");
            }
            @SuppressWarnings("unchecked")
            List<Object> after = em.createNativeQuery("update inventory.stock_level set on_hand = on_hand + :d, tracked = true, "
                    + "updated_at = now() where store_id = :store and variant_id = :v "
                    + "and on_hand + cast(:d as bigint) between 0 and " + StockAdjustment.MAX_QUANTITY + " returning on_hand")
                    .setParameter("d", change.delta()).setParameter("store", store).setParameter("v", change.variantId())
                    .getResultList();
            if (after.isEmpty()) {
                if (levels.count("variantId", change.variantId()) == 0) {
                    throw new DomainException(InventoryErrorCode.NOT_FOUND, append(field, "variantId"), "No variant has this id.");
                }
                throw new DomainException(InventoryErrorCode.INVALID_QUANTITY, append(field, "delta"),
                        "This change would take the quantity on hand below 0 or above 1,000,000,000.");
            }
            ledger.record(change.variantId(), StockLedger.Kind.ADJUST, change.delta());
            StockAdjustment row = new StockAdjustment();
            row.id = Ids.newId();
            row.variantId = change.variantId();
            row.delta = change.delta();
            row.onHandAfter = ((Number) after.get(0)).intValue();
            row.reason = reason;
            row.note = cleanNote;
            row.actor = actor;
            row.createdAt = now;
            adjustments.persist(row);
        }
        adjustments.flush();
        em.clear();
        List<StockLevelView> result = new ArrayList<>();
        Set<UUID> products = new HashSet<>();
        for (StockLevel level : levels.list("variantId in ?1", List.copyOf(seen))) {
            StockLevelView view = view(level);
            result.add(view);
            products.add(level.productId);
            published(level.variantId, view);
        }
        catalog.productAvailabilityChanged(productsAvailable(products));
        return result;
    }

    @Override
    public StockReservation reserve(UUID referenceId, Map<UUID, Integer> quantities) {
        StockLedger.Reserved reserved = ledger.reserve(referenceId, quantities);
        if (reserved.shortVariantIds().isEmpty()) {
            availabilityChanged(reserved.movedVariantIds()); // untracked variants stay available
        }
        return new StockReservation(reserved.shortVariantIds());
    }

    @Override
    public void release(UUID referenceId) {
        availabilityChanged(ledger.release(referenceId));
    }

    @Override
    public void commit(UUID referenceId) {
        availabilityChanged(ledger.commit(referenceId));
    }

    @Override
    public void restock(UUID referenceId, Map<UUID, Integer> quantities) {
        ledger.restock(referenceId, quantities);
        availabilityChanged(quantities.keySet());
    }

    /** Tells the catalog whether the products of these variants can still be sold (available = on hand - reserved). */
    private void availabilityChanged(Collection<UUID> variantIds) {
        if (variantIds.isEmpty()) {
            return;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select product_id, bool_or(not tracked or policy = 'CONTINUE' or on_hand - reserved > 0) "
                + "from inventory.stock_level where store_id = :store and product_id in (select product_id from inventory.stock_level "
                + "where store_id = :store and variant_id in (:ids)) group by product_id")
                .setParameter("store", tenant.requireStore().value()).setParameter("ids", List.copyOf(variantIds))
                .getResultList();
        Map<UUID, Boolean> found = new java.util.HashMap<>();
        rows.forEach(r -> found.put((UUID) r[0], (Boolean) r[1]));
        catalog.productAvailabilityChanged(found);
    }

    /** The outbox event of a changed stock level, whichever mutation changed it (one fact, one event type). */
    private void published(UUID variantId, StockLevelView view) {
        events.publish(new InventoryLevelUpdated(variantId, JsonP.createObjectBuilder()
                .add("variantId", view.variantId()).add("onHand", view.onHand()).add("tracked", view.tracked())
                .add("policy", view.policy().name()).build().toString()));
    }

    static StockLevelView view(StockLevel level) {
        return new StockLevelView(GlobalId.format(ProductVariantView.TYPE, level.variantId), level.onHand, level.reserved, level.tracked, level.policy);
    }

    private static List<String> append(List<String> field, String name) {
        List<String> result = new ArrayList<>(field);
        result.add(name);
        return result;
    }
}
