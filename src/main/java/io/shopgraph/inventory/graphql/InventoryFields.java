package io.shopgraph.inventory.graphql;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;

import io.shopgraph.catalog.api.ProductVariantView;
import io.shopgraph.inventory.application.StockRow;

/** Inventory's extension of the catalog's ProductVariant type, batched. */
@GraphQLApi
public class InventoryFields {

    private final StockMemo memo;

    InventoryFields(StockMemo memo) {
        this.memo = memo;
    }

    @Description("Units on hand that can be sold; null when the variant's stock is not tracked.")
    public List<Integer> quantityAvailable(@Source List<ProductVariantView> variants) {
        Map<UUID, StockRow> levels = memo.levels(ids(variants));
        return variants.stream().map(v -> {
            StockRow level = levels.get(v.uuid());
            return level == null || !level.tracked() ? null : Math.max(0, level.onHand());
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
