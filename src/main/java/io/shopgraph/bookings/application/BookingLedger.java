package io.shopgraph.bookings.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.shopgraph.bookings.api.BookingRequest;
import io.shopgraph.bookings.api.BookingSlotView;
import io.shopgraph.bookings.api.BookingView;
import io.shopgraph.bookings.api.BookingsApi;
import io.shopgraph.bookings.api.SlotSnapshot;
import io.shopgraph.bookings.domain.SlotRules;
import io.shopgraph.platform.kernel.Ids;
import io.shopgraph.platform.persistence.NativeRows;
import io.shopgraph.platform.tenancy.TenantContext;

/**
 * The one write path of places, for orders: every change of a slot's {@code booked} is one conditional update of
 * the slot row (which also serialises concurrent changes of one slot), in the caller's transaction, and the
 * bookings beside it change in the same transaction, so booked stays the sum of the places held.
 */
@ApplicationScoped
public class BookingLedger implements BookingsApi {

    private final EntityManager em;
    private final NativeRows rows;
    private final TenantContext tenant;
    private final BookingReads reads;

    BookingLedger(EntityManager em, NativeRows rows, TenantContext tenant, BookingReads reads) {
        this.em = em;
        this.rows = rows;
        this.tenant = tenant;
        this.reads = reads;
    }

    @Override
    public Map<UUID, SlotSnapshot> slots(Collection<UUID> slotIds) {
        if (slotIds.isEmpty()) {
            return Map.of();
        }
        // Plain JDBC (NativeRows), like bookableVariants: cart commands and warnings ask this for service lines, and
        // through the EntityManager it opened a Hibernate session in their transaction for this one statement.
        Map<UUID, SlotSnapshot> result = new HashMap<>();
        for (Object[] r : rows.query("select " + SlotRow.COLUMNS + " from bookings.slot s where s.store_id = :store and s.id in (:ids)",
                Map.of("store", store(), "ids", List.copyOf(slotIds)))) {
            SlotRow row = SlotRow.of(r, 0);
            result.put(row.id(), new SlotSnapshot(row.id(), row.variantId(), row.startsAt(), SlotRules.remaining(row.capacity(), row.booked())));
        }
        return result;
    }

    @Override
    public Set<UUID> bookableVariants(Collection<UUID> variantIds) {
        if (variantIds.isEmpty()) {
            return Set.of();
        }
        // Plain JDBC (NativeRows), as slots: a cart adding a service line asks this.
        Set<UUID> result = new HashSet<>();
        for (Object[] r : rows.query("select distinct variant_id from bookings.slot where store_id = :store and variant_id in (:ids)",
                Map.of("store", store(), "ids", List.copyOf(variantIds)))) {
            result.add(Sql.uuid(r[0]));
        }
        return result;
    }

    @Override
    public Map<UUID, BookingSlotView> slotViews(Collection<UUID> slotIds) {
        return reads.slotViews(slotIds);
    }

    @Override
    public List<UUID> reserve(UUID orderId, List<BookingRequest> requests) {
        // Places per slot, in slot-id order: two checkouts lock shared slots in the same order and cannot deadlock.
        Map<UUID, Integer> places = new TreeMap<>();
        Map<UUID, UUID> variantOf = new HashMap<>();
        for (BookingRequest request : requests) {
            places.merge(request.slotId(), request.quantity(), Integer::sum);
            variantOf.put(request.slotId(), request.variantId());
        }
        List<UUID> short_ = new ArrayList<>();
        for (Map.Entry<UUID, Integer> slot : places.entrySet()) {
            int moved = em.createNativeQuery("update bookings.slot set booked = booked + :q, updated_at = now() where store_id = :store "
                    + "and id = :id and variant_id = :variant and starts_at > now() and booked + :q <= capacity")
                    .setParameter("q", slot.getValue()).setParameter("store", store()).setParameter("id", slot.getKey())
                    .setParameter("variant", variantOf.get(slot.getKey())).executeUpdate();
            if (moved == 0) {
                short_.add(slot.getKey());
            }
        }
        if (!short_.isEmpty()) {
            return short_;
        }
        Instant now = Instant.now();
        for (BookingRequest request : requests) {
            em.createNativeQuery("insert into bookings.booking (store_id, id, order_id, order_line_id, variant_id, slot_id, quantity, status, "
                    + "created_at, updated_at) values (:store, :id, :order, :line, :variant, :slot, :q, 'HELD', :now, :now)")
                    .setParameter("store", store()).setParameter("id", Ids.newId()).setParameter("order", orderId)
                    .setParameter("line", request.lineId()).setParameter("variant", request.variantId())
                    .setParameter("slot", request.slotId()).setParameter("q", request.quantity()).setParameter("now", now).executeUpdate();
        }
        return List.of();
    }

    @Override
    public void renameLines(UUID orderId, Map<UUID, UUID> orderLineByKey) {
        orderLineByKey.forEach((key, line) -> em.createNativeQuery("update bookings.booking set order_line_id = :line where store_id = :store "
                + "and order_id = :order and order_line_id = :key").setParameter("line", line).setParameter("store", store())
                .setParameter("order", orderId).setParameter("key", key).executeUpdate());
    }

    @Override
    public void confirm(UUID orderId) {
        em.createNativeQuery("update bookings.booking set status = 'CONFIRMED', updated_at = now() where store_id = :store "
                + "and order_id = :order and status = 'HELD'").setParameter("store", store()).setParameter("order", orderId).executeUpdate();
    }

    @Override
    public void release(UUID orderId) {
        for (Held held : holding(orderId)) {
            letGo(held, held.quantity(), "ORDER");
        }
    }

    @Override
    public void releaseUnits(UUID orderId, Map<UUID, Integer> quantitiesByVariant) {
        Map<UUID, Integer> left = new HashMap<>(quantitiesByVariant);
        for (Held held : holding(orderId)) {
            int wanted = left.getOrDefault(held.variantId(), 0);
            if (wanted <= 0) {
                continue;
            }
            int given = Math.min(wanted, held.quantity());
            letGo(held, given, "ORDER");
            left.put(held.variantId(), wanted - given);
        }
    }

    @Override
    public boolean reacquire(UUID orderId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select b.id, b.slot_id, b.variant_id, b.quantity from bookings.booking b "
                + "where b.store_id = :store and b.order_id = :order and b.status = 'RELEASED' and b.released_by = 'ORDER' "
                + "and b.quantity > 0 order by b.slot_id, b.id for update")
                .setParameter("store", store()).setParameter("order", orderId).getResultList();
        Map<UUID, Integer> places = new TreeMap<>();
        rows.forEach(r -> places.merge(Sql.uuid(r[1]), ((Number) r[3]).intValue(), Integer::sum));
        Map<UUID, Integer> taken = new TreeMap<>();
        for (Map.Entry<UUID, Integer> slot : places.entrySet()) {
            int moved = em.createNativeQuery("update bookings.slot set booked = booked + :q, updated_at = now() where store_id = :store "
                    + "and id = :id and starts_at > now() and booked + :q <= capacity")
                    .setParameter("q", slot.getValue()).setParameter("store", store()).setParameter("id", slot.getKey()).executeUpdate();
            if (moved == 0) {
                // All or nothing: give back what this call took, and leave the bookings RELEASED.
                taken.forEach((id, q) -> moveBooked(id, -q));
                return false;
            }
            taken.put(slot.getKey(), slot.getValue());
        }
        em.createNativeQuery("update bookings.booking set status = 'CONFIRMED', released_by = null, updated_at = now() where store_id = :store "
                + "and order_id = :order and status = 'RELEASED' and released_by = 'ORDER' and quantity > 0")
                .setParameter("store", store()).setParameter("order", orderId).executeUpdate();
        return true;
    }

    @Override
    public Map<UUID, BookingView> byOrderLines(Collection<UUID> orderLineIds) {
        return reads.byOrderLines(orderLineIds);
    }

    /** A booking that holds places, locked. */
    record Held(UUID id, UUID slotId, UUID variantId, int quantity) {
    }

    /** The order's bookings that hold places, locked, in slot-id order (the order every slot change takes). */
    private List<Held> holding(UUID orderId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, slot_id, variant_id, quantity from bookings.booking where store_id = :store "
                + "and order_id = :order and status in ('HELD', 'CONFIRMED') order by slot_id, id for update")
                .setParameter("store", store()).setParameter("order", orderId).getResultList();
        return rows.stream().map(r -> new Held(Sql.uuid(r[0]), Sql.uuid(r[1]), Sql.uuid(r[2]), ((Number) r[3]).intValue())).toList();
    }

    /**
     * Gives {@code places} of a held booking back to its slot: all of them ends the booking (RELEASED, keeping the
     * quantity it held), fewer lowers what it holds.
     */
    void letGo(Held held, int places, String by) {
        moveBooked(held.slotId(), -places);
        if (places >= held.quantity()) {
            em.createNativeQuery("update bookings.booking set status = :status, released_by = :by, updated_at = now() "
                    + "where store_id = :store and id = :id").setParameter("status", "MERCHANT".equals(by) ? "CANCELLED" : "RELEASED")
                    .setParameter("by", by).setParameter("store", store()).setParameter("id", held.id()).executeUpdate();
        } else {
            em.createNativeQuery("update bookings.booking set quantity = quantity - :q, updated_at = now() where store_id = :store and id = :id")
                    .setParameter("q", places).setParameter("store", store()).setParameter("id", held.id()).executeUpdate();
        }
    }

    void moveBooked(UUID slotId, int delta) {
        em.createNativeQuery("update bookings.slot set booked = booked + :d, updated_at = now() where store_id = :store and id = :id")
                .setParameter("d", delta).setParameter("store", store()).setParameter("id", slotId).executeUpdate();
    }

    private UUID store() {
        return tenant.requireStore().value();
    }
}
