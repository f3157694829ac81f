package io.shopgraph.orders.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.shopgraph.platform.graphql.MoneyView;
import io.shopgraph.platform.graphql.Node;

/** The order as the API shows it (immutable views; payments, timeline and note come from batch fields). */
public final class OrderViews {

    public static final String ORDER = "Order";
    public static final String LINE = "OrderLine";
    public static final String FULFILLMENT = "Fulfillment";
    public static final String REFUND = "Refund";

    private OrderViews() {
    }

    @Type("Order")
    @Description("A placed order: the snapshot of what was bought at which price, and what happened to it since.")
    public record OrderView(
            @Id @NonNull @Description("The order's global id.") String id,
            @NonNull @Description("The order's number in its store, from 1001 on; unique per store.") int number,
            @NonNull @Description("The order's display name, e.g. #1001.") String name,
            @NonNull @Description("Where the order is.") OrderStatus status,
            @NonNull @Description("When it was placed.") Instant createdAt,
            @Description("The buyer's contact email.") String email,
            @NonNull @Description("The currency of every amount of the order (ISO 4217).") String currencyCode,
            @NonNull @Description("The ordered lines, in cart order.") List<@NonNull OrderLineView> lines,
            @NonNull @Description("What the order costs, as priced at checkout.") OrderCostView cost,
            @Description("Where it ships; null when nothing ships or none was given.") OrderAddressView shippingAddress,
            @NonNull @Description("The fulfilments, oldest first.") List<@NonNull FulfillmentView> fulfillments,
            @NonNull @Description("The refunds, oldest first.") List<@NonNull RefundView> refunds,
            @NonNull @Description("What was paid so far (captured payments).") MoneyView totalPaid,
            @NonNull @Description("What was refunded so far.") MoneyView totalRefunded,
            @Ignore UUID uuid,
            @Ignore UUID customerId,
            @Ignore String note) implements Node {
    }

    @Type("OrderLine")
    @Description("One ordered line: a snapshot of the variant, its attributes and its price at checkout.")
    public record OrderLineView(
            @Id @NonNull @Description("The line's global id.") String id,
            @NonNull @Description("The product's title at checkout.") String title,
            @Description("The variant's title at checkout (null for a product's only variant).") String variantTitle,
            @NonNull @Description("Units ordered.") int quantity,
            @NonNull @Description("Units fulfilled so far.") int fulfilledQuantity,
            @NonNull @Description("Units refunded so far.") int refundedQuantity,
            @NonNull @Description("The line's key/value attributes (e.g. the engraving text).") List<@NonNull OrderAttributeView> attributes,
            @NonNull @Description("What the line costs.") OrderLineCostView cost,
            @Id @NonNull @Description("The ordered variant's global id (it may have been deleted since).") String variantId,
            @Ignore UUID uuid,
            @Ignore UUID variantUuid,
            @Ignore long totalMinor) {
    }

    @Type("OrderAttribute")
    @Description("A key/value pair of an order line.")
    public record OrderAttributeView(
            @NonNull @Description("The key.") String key,
            @Description("The value.") String value) {
    }

    @Type("OrderLineCost")
    @Description("What one order line costs.")
    public record OrderLineCostView(
            @NonNull @Description("The unit price at checkout.") MoneyView amountPerQuantity,
            @NonNull @Description("Unit price times quantity.") MoneyView subtotalAmount,
            @NonNull @Description("The line's discounts.") MoneyView discountAmount,
            @NonNull @Description("What the line costs after its discounts.") MoneyView totalAmount) {
    }

    @Type("OrderCost")
    @Description("What an order costs, as the pricing function computed it at checkout: total = subtotal - discount + shipping + tax "
            + "(tax added only where prices exclude it).")
    public record OrderCostView(
            @NonNull @Description("The lines at their unit prices.") MoneyView subtotalAmount,
            @NonNull @Description("All discounts.") MoneyView discountAmount,
            @NonNull @Description("Shipping.") MoneyView shippingAmount,
            @NonNull @Description("Tax.") MoneyView taxAmount,
            @NonNull @Description("What the buyer pays.") MoneyView totalAmount) {
    }

    @Type("OrderAddress")
    @Description("A postal address of an order, as given at checkout.")
    public record OrderAddressView(
            @Description("First name.") String firstName,
            @Description("Last name.") String lastName,
            @Description("Company.") String company,
            @Description("Street and number.") String address1,
            @Description("Apartment, suite, etc.") String address2,
            @Description("City.") String city,
            @Description("Province, state or region.") String province,
            @Description("Postal code.") String zip,
            @Description("ISO 3166-1 alpha-2 country code.") String countryCode,
            @Description("Phone.") String phone) {
    }

    @Type("Fulfillment")
    @Description("Units of an order that were shipped or handed over, with tracking when given.")
    public record FulfillmentView(
            @Id @NonNull @Description("The fulfilment's global id.") String id,
            @NonNull @Description("When it was created.") Instant createdAt,
            @Description("The carrier.") String trackingCompany,
            @Description("The tracking number.") String trackingNumber,
            @Description("The tracking page.") String trackingUrl,
            @NonNull @Description("Which lines and how many units.") List<@NonNull OrderLineQuantityView> lines) {
    }

    @Type("Refund")
    @Description("Money paid back on an order, with the lines it covers.")
    public record RefundView(
            @Id @NonNull @Description("The refund's global id.") String id,
            @NonNull @Description("When it was created.") Instant createdAt,
            @NonNull @Description("The amount paid back.") MoneyView amount,
            @NonNull @Description("Whether the money went back yet.") io.shopgraph.orders.api.RefundStatus status,
            @NonNull @Description("Whether its units went back on sale.") boolean restocked,
            @Description("Why, as the merchant said.") String reason,
            @NonNull @Description("Which lines and how many units (empty for an amount-only refund).") List<@NonNull OrderLineQuantityView> lines) {
    }

    @Type("OrderLineQuantity")
    @Description("A number of units of one order line.")
    public record OrderLineQuantityView(
            @Id @NonNull @Description("The order line's global id.") String lineId,
            @NonNull @Description("How many units.") int quantity) {
    }

    @Type("OrderEvent")
    @Description("One entry of an order's timeline.")
    public record OrderEventView(
            @NonNull @Description("What happened, as a stable code (PLACED, PAID, CANCELLED, ...).") String kind,
            @NonNull @Description("What happened, for people.") String message,
            @Description("Who did it (a staff member's subject, app:<client id>), null for the system and shoppers.") String actor,
            @NonNull @Description("When.") Instant createdAt) {
    }

    @Type("OrderPayment")
    @Description("A payment of an order, as the payments module reports it.")
    public record OrderPaymentView(
            @NonNull @Description("Who moves the money.") io.shopgraph.payments.api.PaymentProvider provider,
            @NonNull @Description("The payment's status.") io.shopgraph.payments.api.PaymentStatus status,
            @NonNull @Description("The amount asked.") MoneyView amount,
            @NonNull @Description("The amount captured.") MoneyView captured,
            @NonNull @Description("The amount refunded.") MoneyView refunded,
            @NonNull @Description("When it started.") Instant createdAt) {
    }
}
