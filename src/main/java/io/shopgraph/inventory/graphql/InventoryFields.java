package io.shopgraph.inventory.graphql;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;

import io.shopgraph.catalog.api.ProductVariantView;
import io.shopgraph.inventory.application.StockLevelView;
import io.shopgraph.inventory.application.StockRow;
import io.shopgraph.platform.security.Scope;
import io.shopgraph.platform.security.StoreAccess;

/** Inventory's extension of the catalog's ProductVariant type, batched. */
@GraphQLApi
public class InventoryFields {

    private final StockMemo memo;
    private final StoreAccess access;

    InventoryFields(StockMemo memo, StoreAccess access) {
        this.memo = memo;
        this.access = access;
    }

    /**
     * Merchants only: storefronts see quantityAvailable and availableForSale, not how stock is managed. Null
     * for them (and for merchants without read_products) rather than an error, so shared product queries work
     * on both sides.
     */
    @Description("Merchant: the variant's stock level (on hand, tracked, policy); needs read_products. Null for storefronts.")
    public List<StockLevelView> inventoryLevel(@Source List<ProductVariantView> variants) {
        if (access.merchant().filter(grant -> grant.allows(Scope.READ_PRODUCTS)).isEmpty()) {
            return java.util.Collections.nCopies(variants.size(), null);
        }
        Map<UUID, StockRow> levels = memo.levels(ids(variants));
        return variants.stream().map(v -> {
            StockRow level = levels.get(v.uuid());
            return level == null ? null : new StockLevelView(v.id(), level.onHand(), level.reserved(), level.tracked(), level.policy());
        }).toList();
    }

    @Description("Units on hand that can be sold; null when the variant's stock is not tracked.")
    public List<Integer> quantityAvailable(@Source List<ProductVariantView> variants) {
        Map<UUID, StockRow> levels = memo.levels(ids(variants));
        return variants.stream().map(v -> {
            StockRow level = levels.get(v.uuid());
            return level == null || !level.tracked() ? null : Math.max(0, level.available());
        }).toList();
    }

    @NonNull
    @Description("Whether the variant can be bought: untracked, in stock, or sold on backorder.")
    public List<@NonNull Boolean> availableForSale(@Source List<ProductVariantView> variants) {
        Map<UUID, StockRow> levels = memo.levels(ids(variants));
        return variants.stream().map(v -> {
            StockRow level = levels.get(v.uuid());
            return level == null || level.availableForSale();
        }).toList();
    }

    private static List<UUID> ids(List<ProductVariantView> variants) {
        return variants.stream().map(ProductVariantView::uuid).distinct().toList();
    }
}
