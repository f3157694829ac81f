package io.shopgraph.bookings.application;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.shopgraph.bookings.domain.BookingErrorCode;
import io.shopgraph.platform.errors.DomainException;
import io.shopgraph.platform.tenancy.TenantContext;

/**
 * The merchant's booking use cases. Each locks the booking first, then changes slots in slot-id order (the order
 * checkout takes them in), with the same conditional update as a checkout: capacity is respected under any
 * concurrency. Moving or cancelling a booking changes places only: the order's money is the order's business.
 */
@ApplicationScoped
public class BookingCommands {

    private final EntityManager em;
    private final TenantContext tenant;
    private final BookingLedger ledger;

    BookingCommands(EntityManager em, TenantContext tenant, BookingLedger ledger) {
        this.em = em;
        this.tenant = tenant;
        this.ledger = ledger;
    }

    /** Moves a booking's places to another slot of the same variant that has not started and has room. Answers the order line. */
    @Transactional
    public UUID move(UUID bookingId, UUID slotId) {
        Locked booking = lock(bookingId);
        if (slotId == null) {
            throw SlotCommands.notFound(List.of("slotId"));
        }
        @SuppressWarnings("unchecked")
        List<Object> target = em.createNativeQuery("select variant_id from bookings.slot where store_id = :store and id = :id")
                .setParameter("store", store()).setParameter("id", slotId).getResultList();
        if (target.isEmpty()) {
            throw SlotCommands.notFound(List.of("slotId"));
        }
        if (!Sql.uuid(target.get(0)).equals(booking.variantId()) || slotId.equals(booking.slotId())) {
            throw new DomainException(BookingErrorCode.INVALID_TARGET_SLOT, List.of("slotId"),
                    "Move a booking to another slot of the same service variant.");
        }
        // Both slots in slot-id order, like every other change of places.
        boolean targetFirst = slotId.compareTo(booking.slotId()) < 0;
        if (!targetFirst) {
            ledger.moveBooked(booking.slotId(), -booking.quantity());
        }
        int moved = em.createNativeQuery("update bookings.slot set booked = booked + :q, updated_at = now() where store_id = :store "
                + "and id = :id and starts_at > now() and booked + :q <= capacity")
                .setParameter("q", booking.quantity()).setParameter("store", store()).setParameter("id", slotId).executeUpdate();
        if (moved == 0) {
            throw new DomainException(BookingErrorCode.SLOT_UNAVAILABLE, List.of("slotId"),
                    "The slot has started or has fewer than " + booking.quantity() + " free places.");
        }
        if (targetFirst) {
            ledger.moveBooked(booking.slotId(), -booking.quantity());
        }
        em.createNativeQuery("update bookings.booking set slot_id = :slot, updated_at = now() where store_id = :store and id = :id")
                .setParameter("slot", slotId).setParameter("store", store()).setParameter("id", bookingId).executeUpdate();
        return booking.orderLineId();
    }

    /** Cancels a booking: its places go back to its slot; the order is unchanged (refund it separately if due). */
    @Transactional
    public UUID cancel(UUID bookingId) {
        Locked booking = lock(bookingId);
        ledger.letGo(new BookingLedger.Held(bookingId, booking.slotId(), booking.variantId(), booking.quantity()), booking.quantity(), "MERCHANT");
        return booking.orderLineId();
    }

    record Locked(UUID slotId, UUID variantId, int quantity, UUID orderLineId) {
    }

    /** A booking holding places, locked; BOOKING_NOT_FOUND for unknown and foreign ids, INVALID_STATE when it holds none. */
    private Locked lock(UUID bookingId) {
        if (bookingId == null) {
            throw notFound();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select slot_id, variant_id, quantity, order_line_id, status from bookings.booking "
                + "where store_id = :store and id = :id for update").setParameter("store", store()).setParameter("id", bookingId).getResultList();
        if (rows.isEmpty()) {
            throw notFound();
        }
        Object[] r = rows.get(0);
        if (!"HELD".equals(r[4]) && !"CONFIRMED".equals(r[4])) {
            throw new DomainException(BookingErrorCode.INVALID_STATE, List.of("bookingId"), "The booking holds no places (" + r[4] + ").");
        }
        return new Locked(Sql.uuid(r[0]), Sql.uuid(r[1]), ((Number) r[2]).intValue(), Sql.uuid(r[3]));
    }

    private static DomainException notFound() {
        return new DomainException(BookingErrorCode.BOOKING_NOT_FOUND, List.of("bookingId"), "No booking has this id.");
    }

    private UUID store() {
        return tenant.requireStore().value();
    }
}
