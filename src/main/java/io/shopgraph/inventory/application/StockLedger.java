package io.shopgraph.inventory.application;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.shopgraph.inventory.api.StockReservation;
import io.shopgraph.platform.kernel.Ids;
import io.shopgraph.platform.tenancy.TenantContext;

/**
 * The stock ledger's one write path. Each movement is ONE statement that moves the stock level and records
 * the ledger row together (a data-modifying CTE), so on hand and reserved never leave the sums of the ledger,
 * and a condition on the level (enough available stock) decides atomically whether the movement happens.
 * Runs in the caller's transaction.
 */
@ApplicationScoped
public class StockLedger {

    /** What a movement is; the ledger's {@code kind} column. */
    public enum Kind {
        OPENING, INITIAL, SET, ADJUST, RESERVE, RELEASE, COMMIT, RESTOCK
    }

    private final EntityManager em;
    private final TenantContext tenant;

    StockLedger(EntityManager em, TenantContext tenant) {
        this.em = em;
        this.tenant = tenant;
    }

    /**
     * Moves one variant's level by the deltas and records the movement, only where {@code condition} (SQL over
     * the level's columns {@code on_hand}, {@code reserved}, {@code tracked}, {@code policy}) holds. Answers
     * whether the level moved.
     */
    boolean move(UUID variantId, Kind kind, int onHandDelta, int reservedDelta, UUID referenceId, String condition) {
        UUID store = store();
        int rows = em.createNativeQuery("with moved as (update inventory.stock_level set on_hand = on_hand + :dh, "
                + "reserved = reserved + :dr, updated_at = now() where store_id = :store and variant_id = :v and (" + condition + ") "
                + "returning variant_id) insert into inventory.stock_movement (store_id, id, variant_id, kind, on_hand_delta, "
                + "reserved_delta, reference_id, created_at) select :store, :id, variant_id, :kind, :dh, :dr, :ref, now() from moved")
                .setParameter("dh", onHandDelta).setParameter("dr", reservedDelta).setParameter("store", store)
                .setParameter("v", variantId).setParameter("id", Ids.newId()).setParameter("kind", kind.name())
                .setParameter("ref", referenceId).executeUpdate();
        return rows == 1;
    }

    /** Records a movement of a level the caller has already changed (merchant set and adjust, variant creation). */
    void record(UUID variantId, Kind kind, int onHandDelta) {
        if (onHandDelta == 0) {
            return;
        }
        em.createNativeQuery("insert into inventory.stock_movement (store_id, id, variant_id, kind, on_hand_delta, reserved_delta, "
                + "created_at) values (:store, :id, :v, :kind, :dh, 0, now())").setParameter("store", store())
                .setParameter("id", Ids.newId()).setParameter("v", variantId).setParameter("kind", kind.name())
                .setParameter("dh", onHandDelta).executeUpdate();
    }

    /** The opening rows of new levels created with stock on hand (one statement for all of them). */
    void recordInitial(Collection<UUID> variantIds) {
        if (variantIds.isEmpty()) {
            return;
        }
        em.createNativeQuery("insert into inventory.stock_movement (store_id, id, variant_id, kind, on_hand_delta, reserved_delta, "
                + "created_at) select store_id, gen_random_uuid(), variant_id, 'INITIAL', on_hand, 0, now() from inventory.stock_level "
                + "where store_id = :store and variant_id in (:ids) and on_hand <> 0")
                .setParameter("store", store()).setParameter("ids", List.copyOf(variantIds)).executeUpdate();
    }

    StockReservation reserve(UUID referenceId, Map<UUID, Integer> quantities) {
        List<UUID> missing = new ArrayList<>();
        // Variant-id order: two reservations lock shared levels in the same order and cannot deadlock.
        for (Map.Entry<UUID, Integer> line : new TreeMap<>(quantities).entrySet()) {
            int quantity = line.getValue();
            if (quantity <= 0) {
                continue;
            }
            boolean reserved = move(line.getKey(), Kind.RESERVE, 0, quantity, referenceId,
                    "not tracked or policy = 'CONTINUE' or on_hand - reserved >= " + quantity);
            if (!reserved) {
                missing.add(line.getKey());
            }
        }
        return new StockReservation(missing);
    }

    /** Answers the variants it moved. */
    Collection<UUID> release(UUID referenceId) {
        Map<UUID, Integer> due = outstanding(referenceId);
        due.forEach((variant, quantity) -> move(variant, Kind.RELEASE, 0, -quantity, referenceId, "true"));
        return due.keySet();
    }

    /** Answers the variants it moved. */
    Collection<UUID> commit(UUID referenceId) {
        Map<UUID, Integer> due = outstanding(referenceId);
        due.forEach((variant, quantity) -> move(variant, Kind.COMMIT, -quantity, -quantity, referenceId, "true"));
        return due.keySet();
    }

    void restock(UUID referenceId, Map<UUID, Integer> quantities) {
        new TreeMap<>(quantities).forEach((variant, quantity) -> {
            if (quantity > 0) {
                move(variant, Kind.RESTOCK, quantity, 0, referenceId, "true");
            }
        });
    }

    /** What is still reserved for a reference, by variant in variant-id order (from the ledger). */
    private Map<UUID, Integer> outstanding(UUID referenceId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select variant_id, sum(reserved_delta) from inventory.stock_movement "
                + "where store_id = :store and reference_id = :ref group by variant_id having sum(reserved_delta) > 0 order by variant_id")
                .setParameter("store", store()).setParameter("ref", referenceId).getResultList();
        Map<UUID, Integer> result = new TreeMap<>();
        rows.forEach(r -> result.put((UUID) r[0], ((Number) r[1]).intValue()));
        return result;
    }

    private UUID store() {
        return tenant.requireStore().value();
    }
}
