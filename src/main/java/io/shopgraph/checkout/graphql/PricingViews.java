package io.shopgraph.checkout.graphql;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.shopgraph.platform.graphql.Decimal;
import io.shopgraph.platform.graphql.MoneyView;

/** What checkout's pricing adds to the Cart and CartLine types. Shopify Storefront API names where the concept is the same. */
public final class PricingViews {

    private PricingViews() {
    }

    @Type("CartCost")
    @Description("What a cart costs, from the one pricing function that checkout and the order use too.")
    public record CartCostView(
            @NonNull @Description("The sum of the lines at their unit prices, before discounts, shipping and tax.") MoneyView subtotalAmount,
            @NonNull @Description("What the shopper pays: subtotal - discounts + shipping (+ tax where prices exclude it).") MoneyView totalAmount,
            @NonNull @Description("Whether the subtotal may still change at checkout (true: checkout prices the lines again).") boolean subtotalAmountEstimated,
            @NonNull @Description("Whether the total may still change at checkout (true until shipping and tax are known).") boolean totalAmountEstimated,
            @NonNull @Description("All discounts: the lines' and the shipping's.") MoneyView discountAmount,
            @NonNull @Description("The chosen delivery option's price before its discount; zero when none is chosen.") MoneyView shippingAmount,
            @NonNull @Description("The tax, included in the prices or added to them (see taxesIncluded).") MoneyView taxAmount,
            @NonNull @Description("Whether the prices include tax (the store's setting).") boolean taxesIncluded,
            @NonNull @Description("The tax by rate.") List<@NonNull TaxLineView> taxLines,
            @NonNull @Description("Each discount that applied, with what it took off in all.") List<@NonNull DiscountAllocationView> discountAllocations) {
    }

    @Type("CartLineCost")
    @Description("What one line costs.")
    public record CartLineCostView(
            @NonNull @Description("The unit price when the line was added or its quantity last changed.") MoneyView amountPerQuantity,
            @NonNull @Description("Unit price times quantity.") MoneyView subtotalAmount,
            @NonNull @Description("What the line costs after its discounts.") MoneyView totalAmount,
            @NonNull @Description("The line's share of each discount.") List<@NonNull DiscountAllocationView> discountAllocations) {
    }

    @Type("CartTaxLine")
    @Description("The tax of one rate.")
    public record TaxLineView(
            @NonNull @Description("The rate's name, e.g. VAT.") String title,
            @NonNull @Description("The rate as a fraction, e.g. 0.2 for 20 %.") Decimal rate,
            @NonNull @Description("The tax at this rate.") MoneyView amount) {
    }

    @Type("CartDiscountAllocation")
    @Description("An amount a discount took off.")
    public record DiscountAllocationView(
            @Description("The code, or null for an automatic discount.") String code,
            @NonNull @Description("The discount's title.") String title,
            @NonNull @Description("How much it took off.") MoneyView discountedAmount) {
    }

    @Type("CartDiscountCode")
    @Description("A discount code on a cart.")
    public record CartDiscountCodeView(
            @NonNull @Description("The code, upper case.") String code,
            @NonNull @Description("Whether it applies to the cart now (a code that stopped applying, e.g. after a line was removed, stays on the cart).") boolean applicable) {
    }
}
