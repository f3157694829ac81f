package io.shopgraph.checkout.graphql;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Source;

import io.shopgraph.bookings.api.BookingView;
import io.shopgraph.bookings.api.BookingsApi;
import io.shopgraph.orders.api.OrderViews.OrderLineView;

/**
 * The order line's booking. It lives in checkout, which books the slots and may use both orders and bookings
 * (bookings sits below orders and may not name its types; orders may not call bookings). Batched: two statements
 * (the store's zone and the bookings with their slots) for every line of the response.
 */
@GraphQLApi
public class OrderLineBookingFields {

    private final BookingsApi bookings;

    OrderLineBookingFields(BookingsApi bookings) {
        this.bookings = bookings;
    }

    @Description("The time slot this service line booked, with its status (moved or cancelled by the merchant, released with the "
            + "order); null for lines that booked none.")
    public List<BookingView> booking(@Source List<OrderLineView> lines) {
        Map<UUID, BookingView> found = bookings.byOrderLines(lines.stream().map(OrderLineView::uuid).distinct().toList());
        return lines.stream().map(l -> found.get(l.uuid())).toList();
    }
}
