package io.shopgraph.checkout.graphql;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;

import io.shopgraph.cart.api.CartViews.CartLineView;
import io.shopgraph.cart.api.CartViews.CartView;
import io.shopgraph.checkout.domain.pricing.PricedCart;
import io.shopgraph.checkout.graphql.PricingViews.CartCostView;
import io.shopgraph.checkout.graphql.PricingViews.CartDiscountCodeView;
import io.shopgraph.checkout.graphql.PricingViews.CartLineCostView;
import io.shopgraph.checkout.graphql.PricingViews.DiscountAllocationView;
import io.shopgraph.checkout.graphql.PricingViews.TaxLineView;
import io.shopgraph.platform.graphql.Decimal;
import io.shopgraph.platform.graphql.MoneyView;
import io.shopgraph.platform.kernel.Money;

/**
 * Checkout's extension of the cart's types: what a cart and its lines cost, and its codes, all from one pricing
 * of each cart per request ({@link PricedCartMemo}). Batched: one pricing per distinct cart, whatever the lines.
 */
@GraphQLApi
public class CartPricingFields {

    private final PricedCartMemo memo;

    CartPricingFields(PricedCartMemo memo) {
        this.memo = memo;
    }

    @NonNull
    @Description("What the cart costs: subtotal, discounts, shipping, tax and total, with the tax by rate and each discount.")
    public List<@NonNull CartCostView> cost(@Source List<CartView> carts) {
        return carts.stream().map(c -> cost(memo.of(c))).toList();
    }

    @NonNull
    @Description("The discount codes on the cart, in the order they were entered, and whether each applies now.")
    public List<@NonNull List<@NonNull CartDiscountCodeView>> discountCodes(@Source List<CartView> carts) {
        return carts.stream().map(c -> memo.of(c).discountCodes().stream()
                .map(r -> new CartDiscountCodeView(r.code(), r.applicable())).toList()).toList();
    }

    @NonNull
    @Name("cost")
    @Description("What the line costs, with its share of each discount.")
    public List<@NonNull CartLineCostView> lineCost(@Source List<CartLineView> lines) {
        return lines.stream().map(l -> {
            PricedCart priced = memo.ofCart(l.cartId());
            PricedCart.Line line = priced == null ? null
                    : priced.lines().stream().filter(p -> p.lineId().equals(l.uuid())).findFirst().orElse(null);
            String currency = l.currencyCode();
            if (line == null) {
                // The cart expired or lost the line between the read and this field: the line at its own price.
                long subtotal = Math.multiplyExact(l.unitPriceMinor(), (long) l.quantity());
                return new CartLineCostView(money(l.unitPriceMinor(), currency), money(subtotal, currency), money(subtotal, currency), List.of());
            }
            return new CartLineCostView(money(line.unitPriceMinor(), currency), money(line.subtotalMinor(), currency),
                    money(line.totalMinor(), currency), allocations(line.discountAllocations(), currency));
        }).toList();
    }

    static CartCostView cost(PricedCart p) {
        String c = p.currencyCode();
        List<TaxLineView> taxLines = p.taxLines().stream()
                .map(t -> new TaxLineView(t.title(), new Decimal(t.rate().stripTrailingZeros()), money(t.amountMinor(), c))).toList();
        List<DiscountAllocationView> discounts = p.discountApplications().stream()
                .map(a -> new DiscountAllocationView(a.code(), a.title(), money(a.amountMinor(), c))).toList();
        boolean shippingKnown = p.delivery() != null || p.lines().isEmpty();
        return new CartCostView(money(p.subtotalMinor(), c), money(p.totalMinor(), c), true, !shippingKnown || p.taxLines().isEmpty(),
                money(p.discountMinor(), c), money(p.shippingMinor(), c), money(p.taxMinor(), c), p.taxesIncluded(), taxLines, discounts);
    }

    private static List<DiscountAllocationView> allocations(List<PricedCart.Allocation> allocations, String currency) {
        return allocations.stream().map(a -> new DiscountAllocationView(a.code(), a.title(), money(a.amountMinor(), currency))).toList();
    }

    private static MoneyView money(long minor, String currency) {
        return MoneyView.of(Money.of(minor, currency));
    }
}
