package io.shopgraph.cart.graphql;

import java.util.ArrayList;
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

import io.shopgraph.cart.application.CartReads;
import io.shopgraph.cart.api.CartViews.CartLineView;
import io.shopgraph.cart.api.CartViews.CartView;
import io.shopgraph.cart.api.CartViews.CartWarningView;
import io.shopgraph.cart.application.CartWarnings;
import io.shopgraph.bookings.api.BookingSlotView;
import io.shopgraph.bookings.api.BookingsApi;
import io.shopgraph.catalog.api.CatalogApi;
import io.shopgraph.catalog.api.ProductVariantView;
import io.shopgraph.customers.api.CustomerView;
import io.shopgraph.customers.api.CustomersApi;
import io.shopgraph.platform.errors.ApiException;
import io.shopgraph.platform.graphql.Cursor;
import io.shopgraph.platform.graphql.PageInfo;
import io.shopgraph.platform.graphql.PageRequest;

/**
 * The cart's nested fields, each one batch for every cart or line of the response: lines are paged in memory
 * (a cart's lines come with the cart in one statement), merchandise is one catalog statement, warnings one
 * catalog and one inventory statement, and Customer.cart one statement.
 */
@GraphQLApi
public class CartFields {

    private final CatalogApi catalog;
    private final CartWarnings warnings;
    private final CartReads reads;
    private final BookingsApi bookings;

    CartFields(CatalogApi catalog, CartWarnings warnings, CartReads reads, BookingsApi bookings) {
        this.bookings = bookings;
        this.catalog = catalog;
        this.warnings = warnings;
        this.reads = reads;
    }

    @NonNull
    @Description("The cart's lines in the order they were added.")
    public List<@NonNull CartLineConnection> lines(@Source List<CartView> carts,
            @Name("first") @DefaultValue("100") @Description("How many lines (at most 100).") int first,
            @Name("after") @Description("Return the lines after this cursor.") String after) {
        PageRequest page = PageRequest.forward(first, after);
        int from = page.cursor().map(CartFields::position).orElse(-1);
        List<CartLineConnection> result = new ArrayList<>();
        for (CartView cart : carts) {
            List<CartLineView> after1 = cart.allLines().stream().filter(l -> l.position() > from).toList();
            List<CartLineView> items = after1.subList(0, Math.min(page.size(), after1.size()));
            List<CartLineEdge> edges = items.stream().map(l -> new CartLineEdge(Cursor.encode(String.valueOf(l.position())), l)).toList();
            result.add(new CartLineConnection(edges, List.copyOf(items), new PageInfo(after1.size() > items.size(), from >= 0,
                    edges.isEmpty() ? null : edges.get(0).cursor(), edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor())));
        }
        return result;
    }

    @NonNull
    @Description("What the shopper should know about the lines (stock, price changes, unavailable products). Warnings never "
            + "refuse anything, unlike userErrors.")
    public List<@NonNull List<@NonNull CartWarningView>> warnings(@Source List<CartView> carts) {
        return warnings.of(carts);
    }

    @Description("The variant the line buys; null when the variant was deleted or its product is no longer published "
            + "(the cart then warns PRODUCT_UNAVAILABLE).")
    public List<ProductVariantView> merchandise(@Source List<CartLineView> lines) {
        Map<UUID, ProductVariantView> found = catalog.storefrontVariants(lines.stream().map(CartLineView::variantId).distinct().toList());
        return lines.stream().map(l -> found.get(l.variantId())).toList();
    }

    @Description("The time slot chosen for a service line (in the store's time zone); null for other lines.")
    public List<BookingSlotView> bookingSlot(@Source List<CartLineView> lines) {
        List<UUID> ids = lines.stream().map(CartLineView::bookingSlotId).filter(java.util.Objects::nonNull).distinct().toList();
        Map<UUID, BookingSlotView> found = ids.isEmpty() ? Map.of() : bookings.slotViews(ids);
        return lines.stream().map(l -> l.bookingSlotId() == null ? null : found.get(l.bookingSlotId())).toList();
    }

    @Description("The signed-in customer's most recently changed open cart; null when none.")
    public List<CartView> cart(@Source List<CustomerView> customers) {
        Map<UUID, CartView> found = reads.byCustomers(customers.stream().map(CustomersApi::idOf).distinct().toList());
        return customers.stream().map(c -> found.get(CustomersApi.idOf(c))).toList();
    }

    private static int position(String cursor) {
        try {
            return Integer.parseInt(Cursor.decode(cursor, 1).get(0));
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("The cursor is not valid for this list.");
        }
    }

    @Type("CartLineConnection")
    @Description("A page of a cart's lines.")
    public record CartLineConnection(
            @NonNull @Description("The lines with their cursors.") List<@NonNull CartLineEdge> edges,
            @NonNull @Description("The lines.") List<@NonNull CartLineView> nodes,
            @NonNull @Description("Where this page sits in the cart's lines.") PageInfo pageInfo) {
    }

    @Type("CartLineEdge")
    @Description("A cart line and its cursor.")
    public record CartLineEdge(
            @NonNull @Description("The line's cursor.") String cursor,
            @NonNull @Description("The line.") CartLineView node) {
    }
}
