package io.shopgraph.checkout.application.pricing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.shopgraph.cart.api.CartViews.CartLineView;
import io.shopgraph.cart.api.CartViews.CartView;
import io.shopgraph.checkout.application.discount.Discounts;
import io.shopgraph.checkout.application.shipping.ShippingZones;
import io.shopgraph.checkout.application.tax.TaxRates;
import io.shopgraph.checkout.domain.pricing.Delivery;
import io.shopgraph.checkout.domain.shipping.DeliveryOptions;
import io.shopgraph.checkout.domain.shipping.ShippingZone;
import io.shopgraph.catalog.api.CatalogApi;
import io.shopgraph.catalog.api.VariantPricingFacts;
import io.shopgraph.checkout.domain.pricing.TaxRate;
import io.shopgraph.platform.persistence.NativeRows;
import io.shopgraph.platform.persistence.UnionRead;
import io.shopgraph.platform.tenancy.TenantContext;
import io.shopgraph.store.api.StoreApi;
import io.shopgraph.checkout.domain.discount.StoredDiscount;
import io.shopgraph.checkout.domain.pricing.Discount;
import io.shopgraph.checkout.domain.pricing.DiscountOutcome;
import io.shopgraph.checkout.domain.pricing.PricedCart;
import io.shopgraph.checkout.domain.pricing.Pricing;
import io.shopgraph.checkout.domain.pricing.PricingInput;

/**
 * Prices a cart: gathers the pricing function's input for it (the cart's lines and codes, the store's discounts,
 * the tax rates at the buyer's country) and calls {@link Pricing#price}. The cart's cost fields, checkout
 * completion and the order snapshot all come through here, so a total shown is the total charged. Statements
 * besides the cart itself: one for the discounts, the tax rates (when the cart has lines) and the zones (when it ships),
 * as a {@link UnionRead}; the store's tax setting when rates apply; the catalog's facts of the lines when a rate, a
 * weight-based shipping rate or a collection-targeted discount needs them.
 */
@ApplicationScoped
public class CartPricing {

    private final Discounts discounts;
    private final TaxRates taxRates;
    private final ShippingZones zones;
    private final StoreApi stores;
    private final CatalogApi catalog;
    private final TenantContext tenant;
    private final NativeRows db;

    CartPricing(Discounts discounts, TaxRates taxRates, ShippingZones zones, StoreApi stores, CatalogApi catalog, TenantContext tenant,
            NativeRows db) {
        this.discounts = discounts;
        this.taxRates = taxRates;
        this.zones = zones;
        this.stores = stores;
        this.catalog = catalog;
        this.tenant = tenant;
        this.db = db;
    }

    /** A priced cart and the delivery options it has (the chosen one, when still available, is priced in). */
    public record Quote(PricedCart priced, List<DeliveryOptions.Option> deliveryOptions) {
    }

    @Transactional
    public PricedCart price(CartView cart) {
        return quote(cart, cart.appliedCodes()).priced();
    }

    /** Prices the cart as if it carried {@code codes} (upper case, entry order): how a new code is tried before it is kept. */
    @Transactional
    public PricedCart price(CartView cart, List<String> codes) {
        return quote(cart, codes).priced();
    }

    @Transactional
    public Quote quote(CartView cart) {
        return quote(cart, cart.appliedCodes());
    }

    private Quote quote(CartView cart, List<String> codes) {
        String country = cart.shippingAddress() != null ? cart.shippingAddress().countryCode() : cart.buyerIdentity().countryCode();
        String region = cart.shippingAddress() != null ? cart.shippingAddress().regionCode() : null;
        // The discounts, the destination's tax rates (when there are lines) and the zones (when the cart ships): one statement.
        UnionRead read = new UnionRead();
        int discountPart = read.add(discounts.forCart(codes));
        int ratePart = cart.allLines().isEmpty() ? -1 : read.add(taxRates.destination(country, region));
        int zonePart = cart.requiresShipping() ? read.add(zones.all()) : -1;
        List<List<Object[]>> rows = read.run(db);
        List<StoredDiscount> stored = Discounts.stored(rows.get(discountPart));
        List<TaxRate> rates = ratePart < 0 ? List.of() : TaxRates.rates(rows.get(ratePart));
        List<ShippingZone> storeZones = zonePart < 0 ? List.of() : ShippingZones.zones(rows.get(zonePart));
        // Only when there are rates: whether prices include them.
        boolean included = !rates.isEmpty() && stores.settings(Set.of(tenant.requireStore())).get(tenant.requireStore())
                .pricesIncludeTax();
        // The catalog's facts (taxable, weight, collections) cost one statement, asked only when something uses them.
        boolean needFacts = !cart.allLines().isEmpty() && (!rates.isEmpty() || storeZones.stream().anyMatch(ShippingZone::pricesByWeight)
                || stored.stream().anyMatch(d -> !d.discount().collectionIds().isEmpty()));
        Map<UUID, VariantPricingFacts> facts = needFacts
                ? catalog.pricingFacts(cart.allLines().stream().map(CartLineView::variantId).distinct().toList()) : Map.of();
        List<DeliveryOptions.Option> options = List.of();
        if (cart.requiresShipping()) {
            long shippable = 0;
            long grams = 0;
            for (CartLineView l : cart.allLines()) {
                if (l.requiresShipping()) {
                    shippable = Math.addExact(shippable, Math.multiplyExact(l.unitPriceMinor(), (long) l.quantity()));
                    VariantPricingFacts f = facts.get(l.variantId());
                    grams = Math.addExact(grams, f == null || f.weightGrams() == null ? 0 : (long) f.weightGrams() * l.quantity());
                }
            }
            options = DeliveryOptions.available(storeZones, cart.shippingAddress() == null ? null : country, region, shippable, grams, true);
        }
        Delivery delivery = options.stream().filter(o -> o.handle().equals(cart.selectedDeliveryHandle())).findFirst()
                .map(o -> new Delivery(o.handle(), o.title(), o.priceMinor(), o.taxable())).orElse(null);
        return new Quote(Pricing.price(input(cart, codes, stored, delivery, rates, included, Instant.now(), facts)), options);
    }

    static PricingInput input(CartView cart, List<String> codes, List<StoredDiscount> stored, Delivery delivery, List<TaxRate> rates,
            boolean included, Instant now, Map<UUID, VariantPricingFacts> facts) {
        List<Discount> automatic = new ArrayList<>();
        Map<String, Discount> byCode = new HashMap<>();
        Map<String, DiscountOutcome> refused = new HashMap<>();
        for (StoredDiscount s : stored) {
            DiscountOutcome unavailable = s.unavailableAt(now);
            if (s.discount().code() == null) {
                if (unavailable == null) {
                    automatic.add(s.discount());
                }
            } else if (unavailable == null) {
                byCode.put(s.discount().code(), s.discount());
            } else {
                refused.put(s.discount().code(), unavailable);
            }
        }
        List<Discount> ordered = new ArrayList<>(automatic);
        codes.stream().map(byCode::get).filter(d -> d != null).forEach(ordered::add);
        List<PricingInput.Line> lines = cart.allLines().stream().map(l -> line(l, facts.get(l.variantId()))).toList();
        return new PricingInput(cart.currencyCode(), lines, ordered, delivery, rates, included, codes, refused);
    }

    /**
     * A line with the catalog's facts; without them (not asked for because nothing used them, or the variant was deleted
     * since it was added) the line is taxable and in no collection, as the catalog's defaults are.
     */
    private static PricingInput.Line line(CartLineView line, VariantPricingFacts facts) {
        return new PricingInput.Line(line.uuid(), line.variantId(), line.productId(), line.quantity(), line.unitPriceMinor(),
                line.requiresShipping(), facts == null || facts.taxable(), facts == null ? Set.of() : facts.collectionIds());
    }
}
