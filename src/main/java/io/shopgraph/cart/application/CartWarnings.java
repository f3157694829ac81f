package io.shopgraph.cart.application;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.shopgraph.cart.api.CartViews.CartLineView;
import io.shopgraph.cart.api.CartViews.CartView;
import io.shopgraph.cart.api.CartViews.CartWarningView;
import io.shopgraph.cart.domain.CartWarningCode;
import io.shopgraph.bookings.api.BookingsApi;
import io.shopgraph.bookings.api.SlotSnapshot;
import io.shopgraph.catalog.api.CatalogApi;
import io.shopgraph.catalog.api.PurchasableVariant;
import io.shopgraph.inventory.api.InventoryApi;
import io.shopgraph.inventory.api.StockSnapshot;

/**
 * A cart's warnings, computed when read from the catalog's and inventory's current state (two statements for
 * any number of carts, and one more for bookings' slots when a line has one): the cart holds no stock and keeps its prices, so what changed under it is told here.
 */
@ApplicationScoped
public class CartWarnings {

    private final CatalogApi catalog;
    private final InventoryApi inventory;
    private final BookingsApi bookings;

    CartWarnings(CatalogApi catalog, InventoryApi inventory, BookingsApi bookings) {
        this.bookings = bookings;
        this.catalog = catalog;
        this.inventory = inventory;
    }

    @Transactional
    public List<List<CartWarningView>> of(List<CartView> carts) {
        List<UUID> variantIds = carts.stream().flatMap(c -> c.allLines().stream()).map(CartLineView::variantId).distinct().toList();
        if (variantIds.isEmpty()) {
            return carts.stream().map(c -> List.<CartWarningView>of()).toList();
        }
        Map<UUID, PurchasableVariant> variants = catalog.purchasableVariants(variantIds);
        Map<UUID, StockSnapshot> stock = inventory.stock(variantIds);
        List<UUID> slotIds = carts.stream().flatMap(c -> c.allLines().stream()).map(CartLineView::bookingSlotId)
                .filter(java.util.Objects::nonNull).distinct().toList();
        Map<UUID, SlotSnapshot> slots = slotIds.isEmpty() ? Map.of() : bookings.slots(slotIds);
        java.time.Instant now = java.time.Instant.now();
        List<List<CartWarningView>> result = new ArrayList<>();
        for (CartView cart : carts) {
            Map<UUID, Integer> wanted = new HashMap<>();
            cart.allLines().forEach(l -> wanted.merge(l.variantId(), l.quantity(), Integer::sum));
            List<CartWarningView> warnings = new ArrayList<>();
            for (CartLineView line : cart.allLines()) {
                PurchasableVariant variant = variants.get(line.variantId());
                if (variant == null || !variant.purchasable()) {
                    warnings.add(new CartWarningView(CartWarningCode.PRODUCT_UNAVAILABLE, "This product can no longer be bought.", line.id()));
                    continue;
                }
                if (variant.price().minorUnits() != line.unitPriceMinor()) {
                    warnings.add(new CartWarningView(CartWarningCode.PRICE_CHANGED, "The price of " + variant.productTitle()
                            + " is now " + variant.price().amount().toPlainString() + " " + variant.price().currencyCode() + ".", line.id()));
                }
                if (line.bookingSlotId() != null) {
                    SlotSnapshot slot = slots.get(line.bookingSlotId());
                    if (slot == null || !slot.bookable(line.quantity(), now)) {
                        warnings.add(new CartWarningView(CartWarningCode.BOOKING_SLOT_UNAVAILABLE, "The chosen time slot of "
                                + variant.productTitle() + " is no longer available for " + line.quantity() + ".", line.id()));
                    }
                }
                StockSnapshot level = stock.get(line.variantId());
                if (level != null && !level.canSell(wanted.get(line.variantId()))) {
                    warnings.add(new CartWarningView(CartWarningCode.NOT_ENOUGH_STOCK, "Only " + Math.max(0, level.onHand())
                            + " of " + variant.productTitle() + " are in stock.", line.id()));
                }
            }
            result.add(List.copyOf(warnings));
        }
        return result;
    }
}
