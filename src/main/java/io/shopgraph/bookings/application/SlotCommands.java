package io.shopgraph.bookings.application;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.shopgraph.bookings.api.BookingSlotView;
import io.shopgraph.bookings.domain.BookingErrorCode;
import io.shopgraph.bookings.domain.SlotRules;
import io.shopgraph.catalog.api.CatalogApi;
import io.shopgraph.catalog.api.ProductKind;
import io.shopgraph.catalog.api.PurchasableVariant;
import io.shopgraph.platform.errors.DomainException;
import io.shopgraph.platform.kernel.Ids;
import io.shopgraph.platform.tenancy.TenantContext;

/** The merchant's slot use cases, one transaction each; a changed slot is locked first, so concurrent changes queue. */
@ApplicationScoped
public class SlotCommands {

    /** A new slot. */
    public record NewSlot(UUID variantId, Instant startsAt, int durationMinutes, int capacity) {
    }

    /** A change: null keeps a value. */
    public record SlotChange(Instant startsAt, Integer durationMinutes, Integer capacity) {
    }

    private final EntityManager em;
    private final TenantContext tenant;
    private final CatalogApi catalog;
    private final BookingsConfig config;
    private final BookingReads reads;

    SlotCommands(EntityManager em, TenantContext tenant, CatalogApi catalog, BookingsConfig config, BookingReads reads) {
        this.em = em;
        this.tenant = tenant;
        this.catalog = catalog;
        this.config = config;
        this.reads = reads;
    }

    @Transactional
    public BookingSlotView create(NewSlot slot) {
        if (slot.variantId() == null) {
            throw new DomainException(BookingErrorCode.VARIANT_NOT_FOUND, List.of("input", "variantId"), "No variant has this id.");
        }
        PurchasableVariant variant = catalog.purchasableVariants(Set.of(slot.variantId())).get(slot.variantId());
        if (variant == null) {
            throw new DomainException(BookingErrorCode.VARIANT_NOT_FOUND, List.of("input", "variantId"), "No variant has this id.");
        }
        if (variant.kind() != ProductKind.SERVICE) {
            throw new DomainException(BookingErrorCode.NOT_A_SERVICE, List.of("input", "variantId"),
                    "Only variants of SERVICE products offer time slots.");
        }
        Instant start = SlotRules.start(slot.startsAt(), Instant.now(), config.horizon(), List.of("input", "startsAt"));
        int duration = SlotRules.duration(slot.durationMinutes(), List.of("input", "durationMinutes"));
        int capacity = SlotRules.capacity(slot.capacity(), config.maxCapacity(), List.of("input", "capacity"));
        UUID id = Ids.newId();
        int inserted = em.createNativeQuery("insert into bookings.slot (store_id, id, variant_id, product_id, starts_at, duration_minutes, "
                + "capacity, booked, created_at, updated_at) values (:store, :id, :variant, :product, :start, :duration, :capacity, 0, now(), now()) "
                + "on conflict (store_id, variant_id, starts_at) do nothing")
                .setParameter("store", store()).setParameter("id", id).setParameter("variant", variant.variantId())
                .setParameter("product", variant.productId()).setParameter("start", start).setParameter("duration", duration)
                .setParameter("capacity", capacity).executeUpdate();
        if (inserted == 0) {
            throw duplicate();
        }
        return reads.slotViews(List.of(id)).get(id);
    }

    @Transactional
    public BookingSlotView update(UUID slotId, SlotChange change) {
        Object[] slot = lock(slotId, List.of("id"));
        UUID variant = Sql.uuid(slot[0]);
        int booked = ((Number) slot[1]).intValue();
        Instant start = change.startsAt() == null ? null
                : SlotRules.start(change.startsAt(), Instant.now(), config.horizon(), List.of("input", "startsAt"));
        Integer duration = change.durationMinutes() == null ? null : SlotRules.duration(change.durationMinutes(), List.of("input", "durationMinutes"));
        Integer capacity = null;
        if (change.capacity() != null) {
            capacity = SlotRules.capacity(change.capacity(), config.maxCapacity(), List.of("input", "capacity"));
            SlotRules.capacityCoversBooked(capacity, booked, List.of("input", "capacity"));
        }
        if (start != null && ((Number) em.createNativeQuery("select count(*) from bookings.slot where store_id = :store and variant_id = :variant "
                + "and starts_at = :start and id <> :id").setParameter("store", store()).setParameter("variant", variant)
                .setParameter("start", start).setParameter("id", slotId).getSingleResult()).longValue() > 0) {
            throw duplicate();
        }
        em.createNativeQuery("update bookings.slot set starts_at = coalesce(cast(:start as timestamptz), starts_at), "
                + "duration_minutes = coalesce(cast(:duration as int), duration_minutes), capacity = coalesce(cast(:capacity as int), capacity), "
                + "updated_at = now() where store_id = :store and id = :id")
                .setParameter("start", start == null ? null : java.time.OffsetDateTime.ofInstant(start, java.time.ZoneOffset.UTC))
                .setParameter("duration", duration).setParameter("capacity", capacity)
                .setParameter("store", store()).setParameter("id", slotId).executeUpdate();
        return reads.slotViews(List.of(slotId)).get(slotId);
    }

    /** Deletes a slot no order ever booked (a booked slot stays, as the history of its orders' lines). */
    @Transactional
    public void delete(UUID slotId) {
        lock(slotId, List.of("id"));
        long bookings = ((Number) em.createNativeQuery("select count(*) from bookings.booking where store_id = :store and slot_id = :id")
                .setParameter("store", store()).setParameter("id", slotId).getSingleResult()).longValue();
        if (bookings > 0) {
            throw new DomainException(BookingErrorCode.SLOT_HAS_BOOKINGS, List.of("id"),
                    "Orders booked this slot: it stays as their history; lower nothing below their places, or move or cancel them.");
        }
        em.createNativeQuery("delete from bookings.slot where store_id = :store and id = :id").setParameter("store", store())
                .setParameter("id", slotId).executeUpdate();
    }

    /** The slot's variant and booked places, locked; SLOT_NOT_FOUND for an unknown or foreign id. */
    private Object[] lock(UUID slotId, List<String> field) {
        if (slotId == null) {
            throw notFound(field);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select variant_id, booked from bookings.slot where store_id = :store and id = :id for update")
                .setParameter("store", store()).setParameter("id", slotId).getResultList();
        if (rows.isEmpty()) {
            throw notFound(field);
        }
        return rows.get(0);
    }

    static DomainException notFound(List<String> field) {
        return new DomainException(BookingErrorCode.SLOT_NOT_FOUND, field, "No slot has this id.");
    }

    private static DomainException duplicate() {
        return new DomainException(BookingErrorCode.DUPLICATE_SLOT, List.of("input", "startsAt"), "The variant already has a slot starting then.");
    }

    private UUID store() {
        return tenant.requireStore().value();
    }

}
