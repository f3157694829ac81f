package io.shopgraph.bookings.graphql;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;
import org.eclipse.microprofile.graphql.Type;

import io.shopgraph.bookings.api.BookingSlotView;
import io.shopgraph.bookings.application.BookingReads;
import io.shopgraph.bookings.application.BookingsConfig;
import io.shopgraph.catalog.api.ProductVariantView;
import io.shopgraph.platform.graphql.Page;
import io.shopgraph.platform.graphql.PageInfo;
import io.shopgraph.platform.graphql.PageRequest;

/** Bookings' extension of the catalog's ProductVariant type: its time slots, batched (the store's zone and one statement). */
@GraphQLApi
public class BookingSlotFields {

    private final BookingReads reads;
    private final BookingsConfig config;

    BookingSlotFields(BookingReads reads, BookingsConfig config) {
        this.reads = reads;
        this.config = config;
    }

    @NonNull
    @Description("The variant's bookable time slots (services) starting in [from, to), in start order, with their free places; "
            + "empty for variants without slots. Times are in the store's time zone.")
    public List<@NonNull BookingSlotConnection> bookingSlots(@Source List<ProductVariantView> variants,
            @Name("from") @Description("Slots starting at or after this moment; default now.") Instant from,
            @Name("to") @Description("Slots starting before this moment; default the planning horizon from now.") Instant to,
            @Name("first") @DefaultValue("20") @Description("How many slots per variant (at most 100).") Integer first,
            @Name("after") @Description("Return the slots after this cursor.") String after) {
        PageRequest page = PageRequest.forward(first, after);
        Instant now = Instant.now();
        Instant start = from == null ? now : from;
        Instant end = to == null ? now.plus(config.horizon()) : to;
        List<UUID> ids = variants.stream().map(ProductVariantView::uuid).distinct().toList();
        Map<UUID, Page<BookingSlotView>> pages = reads.slotsOfVariants(ids, start, end, page);
        return variants.stream().map(v -> BookingSlotConnection.of(pages.get(v.uuid()))).toList();
    }

    @Type("BookingSlotConnection")
    @Description("A page of a variant's time slots, in start order.")
    public record BookingSlotConnection(
            @NonNull @Description("The slots with their cursors.") List<@NonNull BookingSlotEdge> edges,
            @NonNull @Description("The slots.") List<@NonNull BookingSlotView> nodes,
            @NonNull @Description("Where this page sits in the variant's slots.") PageInfo pageInfo) {

        static BookingSlotConnection of(Page<BookingSlotView> page) {
            List<BookingSlotEdge> edges = page.items().stream().map(s -> new BookingSlotEdge(BookingReads.cursorOf(s), s)).toList();
            return new BookingSlotConnection(edges, page.items(), new PageInfo(page.hasNextPage(), page.hasPreviousPage(),
                    edges.isEmpty() ? null : edges.get(0).cursor(), edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor()));
        }
    }

    @Type("BookingSlotEdge")
    @Description("A slot and its cursor.")
    public record BookingSlotEdge(
            @NonNull @Description("The cursor to pass as after.") String cursor,
            @NonNull @Description("The slot.") BookingSlotView node) {
    }
}
