package io.shopgraph.inventory.graphql;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.Source;

import io.shopgraph.catalog.api.CatalogApi;
import io.shopgraph.catalog.api.ProductVariantView;
import io.shopgraph.catalog.api.ProductView;
import io.shopgraph.catalog.api.SelectedOption;
import io.shopgraph.inventory.application.StockRow;

/**
 * Inventory's extension of the catalog's Product type: the variant a product page shows first. It lives
 * here because "available" is inventory's knowledge (the catalog may not read stock). Two statements per
 * level: the products' variants through the catalog's api, and their stock (shared with the variants'
 * own stock fields through {@link StockMemo}).
 */
@GraphQLApi
public class VariantSelectionFields {

    private final CatalogApi catalog;
    private final StockMemo memo;

    VariantSelectionFields(CatalogApi catalog, StockMemo memo) {
        this.catalog = catalog;
        this.memo = memo;
    }

    @Description("The variant with exactly the selected option values when there is one; otherwise the first variant (in "
            + "position order) that can be bought; otherwise the first variant.")
    public List<ProductVariantView> selectedOrFirstAvailableVariant(@Source List<ProductView> products,
            @Name("selectedOptions") @Description("The shopper's choice so far, one value per option (may be empty or partial).")
            List<SelectedOption> selectedOptions) {
        Map<UUID, List<ProductVariantView>> variants = catalog.variantsOfProducts(
                products.stream().map(ProductView::uuid).distinct().toList());
        Map<UUID, StockRow> stock = memo.levels(variants.values().stream().flatMap(List::stream).map(ProductVariantView::uuid).toList());
        var wanted = selectedOptions == null ? null : new HashSet<>(selectedOptions);
        return products.stream().map(p -> {
            List<ProductVariantView> all = variants.getOrDefault(p.uuid(), List.of());
            if (wanted != null && !wanted.isEmpty()) {
                for (ProductVariantView v : all) {
                    if (new HashSet<>(v.selectedOptions()).equals(wanted)) {
                        return v;
                    }
                }
            }
            return all.stream().filter(v -> {
                StockRow row = stock.get(v.uuid());
                return row == null || row.availableForSale();
            }).findFirst().orElse(all.isEmpty() ? null : all.get(0));
        }).toList();
    }
}
