package io.shopgraph.inventory.application;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.shopgraph.platform.kernel.Ids;
import io.shopgraph.platform.persistence.NativeRows;
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

    private final NativeRows db;
    private final TenantContext tenant;

    StockLedger(NativeRows db, TenantContext tenant) {
        this.db = db;
        this.tenant = tenant;
    }

    /**
     * Moves one variant's level by the deltas and records the movement, only where {@code condition} (SQL over
     * the level's columns {@code on_hand}, {@code reserved}, {@code tracked}, {@code policy}) holds. Answers
     * whether the level moved.
     */
    boolean move(UUID variantId, Kind kind, int onHandDelta, int reservedDelta, UUID referenceId, String condition) {
        UUID store = store();
        int rows = db.sql("with moved as (update inventory.stock_level set on_hand = on_hand + :dh, "
                + "reserved = reserved + :dr, updated_at = now() where store_id = :store and variant_id = :v and (" + condition + ") "
                + "returning variant_id) insert into inventory.stock_movement (store_id, id, variant_id, kind, on_hand_delta, "
                + "reserved_delta, reference_id, created_at) select :store, :id, variant_id, :kind, :dh, :dr, :ref, now() from moved")
                .param("dh", onHandDelta).param("dr", reservedDelta).param("store", store)
                .param("v", variantId).param("id", Ids.newId()).param("kind", kind.name())
                .param("ref", referenceId).update();
        return rows == 1;
    }

    /** Records a movement of a level the caller has already changed (merchant set and adjust, variant creation). */
    void record(UUID variantId, Kind kind, int onHandDelta) {
        if (onHandDelta == 0) {
            return;
        }
        db.sql("insert into inventory.stock_movement (store_id, id, variant_id, kind, on_hand_delta, reserved_delta, "
                + "created_at) values (:store, :id, :v, :kind, :dh, 0, now())").param("store", store())
                .param("id", Ids.newId()).param("v", variantId).param("kind", kind.name())
                .param("dh", onHandDelta).update();
    }

    /** The opening rows of new levels created with stock on hand (one statement for all of them). */
    void recordInitial(Collection<UUID> variantIds) {
        if (variantIds.isEmpty()) {
            return;
        }
        db.sql("insert into inventory.stock_movement (store_id, id, variant_id, kind, on_hand_delta, reserved_delta, "
                + "created_at) select store_id, gen_random_uuid(), variant_id, 'INITIAL', on_hand, 0, now() from inventory.stock_level "
                + "where store_id = :store and variant_id in (:ids) and on_hand <> 0")
                .param("store", store()).param("ids", List.copyOf(variantIds)).update();
    }

    /**
     * Reserves every line or none, in ONE statement whatever the number of lines: the levels are locked in
     * variant-id order ({@code order by ... for update}: two reservations cannot deadlock), each is checked
     * against its line (the locked row is the latest version, so the check sees every committed reservation),
     * and only when no line is short are the levels moved and the ledger rows written. Answers the short
     * variants (unknown ones included).
     */
    @SuppressWarnings("unchecked")
    /** What a reservation did: the variants that lacked stock (nothing moved then), else the tracked ones it moved. */
    record Reserved(List<UUID> shortVariantIds, List<UUID> movedVariantIds) {
    }

    /**
     * Reserves the quantities in one statement, all or nothing. Untracked variants are neither locked nor moved (their
     * stock has no quantity, as on Shopify): locking them serialised every checkout of a popular download or service on
     * one row until commit, the bench's checkouts of one untracked product queued there for most of their time.
     */
    Reserved reserve(UUID referenceId, Map<UUID, Integer> quantities) {
        Map<UUID, Integer> wanted = new TreeMap<>();
        quantities.forEach((variant, quantity) -> {
            if (quantity > 0) {
                wanted.put(variant, quantity);
            }
        });
        if (wanted.isEmpty()) {
            return new Reserved(List.of(), List.of());
        }
        List<Object[]> rows = db.sql("with wanted as (select * from unnest(cast(:variants as uuid[]), cast(:quantities as int[])) "
                + "as w(variant_id, quantity)), "
                + "untracked as (select l.variant_id from inventory.stock_level l join wanted w on w.variant_id = l.variant_id "
                + "where l.store_id = :store and not l.tracked), "
                + "locked as (select l.variant_id, w.quantity, (l.policy = 'CONTINUE' or l.on_hand - l.reserved >= w.quantity) as ok "
                + "from inventory.stock_level l join wanted w on w.variant_id = l.variant_id where l.store_id = :store and l.tracked "
                + "order by l.variant_id for update of l), "
                + "short as (select w.variant_id from wanted w where not exists (select 1 from untracked u where u.variant_id = w.variant_id) "
                + "and not exists (select 1 from locked k where k.variant_id = w.variant_id and k.ok)), "
                + "moved as (update inventory.stock_level l set reserved = l.reserved + k.quantity, updated_at = now() from locked k "
                + "where l.store_id = :store and l.variant_id = k.variant_id and not exists (select 1 from short) returning l.variant_id, k.quantity), "
                + "recorded as (insert into inventory.stock_movement (store_id, id, variant_id, kind, on_hand_delta, reserved_delta, reference_id, "
                + "created_at) select :store, gen_random_uuid(), variant_id, 'RESERVE', 0, quantity, :ref, now() from moved) "
                + "select variant_id, true from short union all select variant_id, false from moved")
                // PostgreSQL array literals: uuids and integers need no quoting.
                .param("variants", "{" + wanted.keySet().stream().map(UUID::toString).collect(java.util.stream.Collectors.joining(",")) + "}")
                .param("quantities", "{" + wanted.values().stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",")) + "}")
                .param("store", store()).param("ref", referenceId).list();
        List<UUID> shortIds = new java.util.ArrayList<>();
        List<UUID> movedIds = new java.util.ArrayList<>();
        for (Object[] row : rows) {
            UUID id = row[0] instanceof UUID u ? u : UUID.fromString(row[0].toString());
            (Boolean.TRUE.equals(row[1]) ? shortIds : movedIds).add(id);
        }
        return new Reserved(shortIds, movedIds);
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

    /** Back on hand; untracked variants have no quantity to restock (their sale moved nothing either). */
    void restock(UUID referenceId, Map<UUID, Integer> quantities) {
        new TreeMap<>(quantities).forEach((variant, quantity) -> {
            if (quantity > 0) {
                move(variant, Kind.RESTOCK, quantity, 0, referenceId, "tracked");
            }
        });
    }

    /** What is still reserved for a reference, by variant in variant-id order (from the ledger). */
    private Map<UUID, Integer> outstanding(UUID referenceId) {
        List<Object[]> rows = db.sql("select variant_id, sum(reserved_delta) from inventory.stock_movement "
                + "where store_id = :store and reference_id = :ref group by variant_id having sum(reserved_delta) > 0 order by variant_id")
                .param("store", store()).param("ref", referenceId).list();
        Map<UUID, Integer> result = new TreeMap<>();
        rows.forEach(r -> result.put((UUID) r[0], ((Number) r[1]).intValue()));
        return result;
    }

    private UUID store() {
        return tenant.requireStore().value();
    }
}
