package io.shopgraph.bookings.application;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.shopgraph.bookings.api.BookingSlotView;
import io.shopgraph.bookings.api.BookingStatus;
import io.shopgraph.bookings.api.BookingView;
import io.shopgraph.platform.graphql.Cursor;
import io.shopgraph.platform.graphql.Page;
import io.shopgraph.platform.graphql.PageRequest;
import io.shopgraph.platform.kernel.GlobalId;
import io.shopgraph.platform.tenancy.TenantContext;

/** Slot and booking reads, batched: one statement for the slots of any number of variants, plus the store's zone. */
@ApplicationScoped
public class BookingReads {

    private final EntityManager em;
    private final TenantContext tenant;
    private final StoreZone zone;

    BookingReads(EntityManager em, TenantContext tenant, StoreZone zone) {
        this.em = em;
        this.tenant = tenant;
        this.zone = zone;
    }

    /** A slot's cursor: its start and id. */
    public static String cursorOf(BookingSlotView slot) {
        return Cursor.encode(String.valueOf(slot.startsAt().toInstant().toEpochMilli()), slot.uuid().toString());
    }

    /**
     * Each variant's slots starting in [from, to), in start order, one page each (the same page request for all);
     * one statement for all the variants (a window numbers each variant's rows).
     */
    @Transactional
    public Map<UUID, Page<BookingSlotView>> slotsOfVariants(List<UUID> variantIds, Instant from, Instant to, PageRequest page) {
        Instant afterStart = null;
        UUID afterId = null;
        if (page.cursor().isPresent()) {
            List<String> keys = Cursor.decode(page.cursor().get(), 2);
            try {
                afterStart = Instant.ofEpochMilli(Long.parseLong(keys.get(0)));
                afterId = UUID.fromString(keys.get(1));
            } catch (RuntimeException e) {
                throw io.shopgraph.platform.errors.ApiException.badRequest("The cursor is not valid for this list.");
            }
        }
        Map<UUID, List<BookingSlotView>> fetched = new HashMap<>();
        if (!variantIds.isEmpty() && page.size() > 0) {
            ZoneId storeZone = zone.current();
            Instant now = Instant.now();
            var query = em.createNativeQuery("select * from (select " + SlotRow.COLUMNS + ", row_number() over (partition by s.variant_id "
                    + "order by s.starts_at, s.id) as n from bookings.slot s where s.store_id = :store and s.variant_id in (:ids) "
                    + "and s.starts_at >= :from and s.starts_at < :to"
                    + (afterStart == null ? "" : " and (s.starts_at, s.id) > (:afterStart, :afterId)")
                    + ") numbered where n <= :limit order by variant_id, starts_at, id")
                    .setParameter("store", tenant.requireStore().value()).setParameter("ids", List.copyOf(variantIds))
                    .setParameter("from", from).setParameter("to", to).setParameter("limit", page.size() + 1);
            if (afterStart != null) {
                query.setParameter("afterStart", afterStart).setParameter("afterId", afterId);
            }
            @SuppressWarnings("unchecked")
            List<Object[]> rows = query.getResultList();
            for (Object[] r : rows) {
                SlotRow row = SlotRow.of(r, 0);
                fetched.computeIfAbsent(row.variantId(), v -> new ArrayList<>()).add(row.view(storeZone, now));
            }
        }
        Map<UUID, Page<BookingSlotView>> result = new HashMap<>();
        for (UUID variant : variantIds) {
            result.put(variant, Page.of(fetched.getOrDefault(variant, List.of()), page));
        }
        return result;
    }

    /** The slots with these ids, as the API shows them (two statements: the zone and the slots). */
    @Transactional
    public Map<UUID, BookingSlotView> slotViews(Collection<UUID> slotIds) {
        if (slotIds.isEmpty()) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select " + SlotRow.COLUMNS + " from bookings.slot s where s.store_id = :store "
                + "and s.id in (:ids)").setParameter("store", tenant.requireStore().value()).setParameter("ids", List.copyOf(slotIds))
                .getResultList();
        if (rows.isEmpty()) {
            return Map.of();
        }
        ZoneId storeZone = zone.current();
        Instant now = Instant.now();
        Map<UUID, BookingSlotView> result = new HashMap<>();
        rows.forEach(r -> {
            SlotRow row = SlotRow.of(r, 0);
            result.put(row.id(), row.view(storeZone, now));
        });
        return result;
    }

    /** The latest booking of each of these order lines, with its slot (two statements). */
    @Transactional
    public Map<UUID, BookingView> byOrderLines(Collection<UUID> orderLineIds) {
        if (orderLineIds.isEmpty()) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select distinct on (b.order_line_id) b.id, b.order_line_id, b.status, b.quantity, "
                + "b.created_at, " + SlotRow.COLUMNS + " from bookings.booking b join bookings.slot s on s.store_id = b.store_id "
                + "and s.id = b.slot_id where b.store_id = :store and b.order_line_id in (:ids) order by b.order_line_id, b.created_at desc")
                .setParameter("store", tenant.requireStore().value()).setParameter("ids", List.copyOf(orderLineIds)).getResultList();
        if (rows.isEmpty()) {
            return Map.of();
        }
        ZoneId storeZone = zone.current();
        Instant now = Instant.now();
        Map<UUID, BookingView> result = new HashMap<>();
        for (Object[] r : rows) {
            UUID id = Sql.uuid(r[0]);
            UUID line = Sql.uuid(r[1]);
            result.put(line, new BookingView(GlobalId.format(BookingView.TYPE, id), BookingStatus.valueOf((String) r[2]),
                    ((Number) r[3]).intValue(), SlotRow.of(r, 5).view(storeZone, now), Sql.instant(r[4]), id, line));
        }
        return result;
    }
}
