package io.shopgraph.bookings.graphql;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.shopgraph.bookings.api.BookingSlotView;
import io.shopgraph.bookings.api.BookingView;
import io.shopgraph.bookings.application.BookingCommands;
import io.shopgraph.bookings.application.BookingReads;
import io.shopgraph.bookings.application.SlotCommands;
import io.shopgraph.bookings.application.SlotCommands.NewSlot;
import io.shopgraph.bookings.application.SlotCommands.SlotChange;
import io.shopgraph.catalog.api.ProductVariantView;
import io.shopgraph.platform.graphql.MutationSupport;
import io.shopgraph.platform.kernel.GlobalId;
import io.shopgraph.platform.security.MerchantOperation;
import io.shopgraph.platform.security.Scope;

/**
 * The merchant's slot mutations (write_products: slots are part of what a product offers) and booking mutations
 * (write_orders: a booking is part of an order). Each is one use case and one transaction.
 */
@GraphQLApi
public class BookingMutations {

    private final SlotCommands slots;
    private final BookingCommands bookings;
    private final BookingReads reads;

    BookingMutations(SlotCommands slots, BookingCommands bookings, BookingReads reads) {
        this.slots = slots;
        this.bookings = bookings;
        this.reads = reads;
    }

    @Input("BookingSlotCreateInput")
    @Description("A new time slot of a service variant.")
    public record BookingSlotCreateInput(
            @NonNull @Id @Description("The SERVICE variant's global id.") String variantId,
            @NonNull @Description("When it starts (any offset; shown in the store's time zone). In the future, within the planning horizon.") Instant startsAt,
            @NonNull @Description("How long it lasts, 1 to 10,080 minutes.") int durationMinutes,
            @NonNull @Description("How many places it has (at least 1).") int capacity) {
    }

    @Input("BookingSlotUpdateInput")
    @Description("Changes to a slot; a field left out keeps its value.")
    public record BookingSlotUpdateInput(
            @Description("The new start, in the future.") Instant startsAt,
            @Description("The new duration in minutes.") Integer durationMinutes,
            @Description("The new capacity; never below the places booked.") Integer capacity) {
    }

    @Type("BookingSlotPayload")
    @Description("The result of a slot mutation.")
    public record BookingSlotPayload(
            @Description("The slot as it now is; null when the mutation failed.") BookingSlotView bookingSlot,
            @NonNull @Description("What went wrong; empty on success.") List<@NonNull BookingUserError> userErrors) {
    }

    @Type("BookingSlotDeletePayload")
    @Description("The result of bookingSlotDelete.")
    public record BookingSlotDeletePayload(
            @Id @Description("The deleted slot's id; null when the mutation failed.") String deletedBookingSlotId,
            @NonNull @Description("What went wrong; empty on success.") List<@NonNull BookingUserError> userErrors) {
    }

    @Type("BookingPayload")
    @Description("The result of a booking mutation.")
    public record BookingPayload(
            @Description("The booking as it now is; null when the mutation failed.") BookingView booking,
            @NonNull @Description("What went wrong; empty on success.") List<@NonNull BookingUserError> userErrors) {
    }

    @Mutation("bookingSlotCreate")
    @MerchantOperation(Scope.WRITE_PRODUCTS)
    @NonNull
    @Description("Merchant: adds a bookable time slot to a SERVICE variant. Needs write_products.")
    public BookingSlotPayload bookingSlotCreate(@NonNull @Name("input") @Description("The slot.") BookingSlotCreateInput input) {
        return MutationSupport.run(() -> new BookingSlotPayload(slots.create(new NewSlot(
                GlobalId.parse(input.variantId(), ProductVariantView.TYPE).orElse(null), input.startsAt(), input.durationMinutes(),
                input.capacity())), List.of()), errors -> new BookingSlotPayload(null, BookingUserError.from(errors)));
    }

    @Mutation("bookingSlotUpdate")
    @MerchantOperation(Scope.WRITE_PRODUCTS)
    @NonNull
    @Description("Merchant: changes a slot's start, duration or capacity; the capacity never goes below the places booked. "
            + "Needs write_products.")
    public BookingSlotPayload bookingSlotUpdate(@NonNull @Id @Name("id") @Description("The slot's global id.") String id,
            @NonNull @Name("input") @Description("The changes.") BookingSlotUpdateInput input) {
        return MutationSupport.run(() -> new BookingSlotPayload(slots.update(slot(id),
                new SlotChange(input.startsAt(), input.durationMinutes(), input.capacity())), List.of()),
                errors -> new BookingSlotPayload(null, BookingUserError.from(errors)));
    }

    @Mutation("bookingSlotDelete")
    @MerchantOperation(Scope.WRITE_PRODUCTS)
    @NonNull
    @Description("Merchant: deletes a slot no order booked (a booked slot stays as its orders' history). Needs write_products.")
    public BookingSlotDeletePayload bookingSlotDelete(@NonNull @Id @Name("id") @Description("The slot's global id.") String id) {
        return MutationSupport.run(() -> {
            UUID slot = slot(id);
            slots.delete(slot);
            return new BookingSlotDeletePayload(GlobalId.format(BookingSlotView.TYPE, slot), List.of());
        }, errors -> new BookingSlotDeletePayload(null, BookingUserError.from(errors)));
    }

    @Mutation("bookingMove")
    @MerchantOperation(Scope.WRITE_ORDERS)
    @NonNull
    @Description("Merchant: moves a booking's places to another slot of the same service variant that has not started and has "
            + "room (capacity respected under concurrent checkouts). The order is otherwise unchanged. Needs write_orders.")
    public BookingPayload bookingMove(@NonNull @Id @Name("bookingId") @Description("The booking's global id.") String bookingId,
            @NonNull @Id @Name("slotId") @Description("The target slot's global id.") String slotId) {
        return MutationSupport.run(() -> booking(bookings.move(booking(bookingId),
                GlobalId.parse(slotId, BookingSlotView.TYPE).orElse(null))),
                errors -> new BookingPayload(null, BookingUserError.from(errors)));
    }

    @Mutation("bookingCancel")
    @MerchantOperation(Scope.WRITE_ORDERS)
    @NonNull
    @Description("Merchant: cancels a booking: its places go back on sale. The order and its payments are unchanged (refund "
            + "separately when due). Needs write_orders.")
    public BookingPayload bookingCancel(@NonNull @Id @Name("bookingId") @Description("The booking's global id.") String bookingId) {
        return MutationSupport.run(() -> booking(bookings.cancel(booking(bookingId))),
                errors -> new BookingPayload(null, BookingUserError.from(errors)));
    }

    private BookingPayload booking(UUID orderLineId) {
        return new BookingPayload(reads.byOrderLines(List.of(orderLineId)).get(orderLineId), List.of());
    }

    private static UUID booking(String id) {
        return GlobalId.parse(id, BookingView.TYPE).orElse(null);
    }

    private static UUID slot(String id) {
        return GlobalId.parse(id, BookingSlotView.TYPE).orElse(null);
    }
}
