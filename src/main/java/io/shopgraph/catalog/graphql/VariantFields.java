package io.shopgraph.catalog.graphql;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;

import io.shopgraph.catalog.api.ProductVariantView;
import io.shopgraph.catalog.api.ProductView;
import io.shopgraph.catalog.api.SelectedOption;
import io.shopgraph.catalog.application.read.CatalogReads;
import io.shopgraph.catalog.application.read.VariantReads;
import io.shopgraph.platform.security.StoreAccess.Audience;
import io.shopgraph.platform.security.StoreAccess;

/** From a variant to its product and from selected options to a variant; one statement per level each. */
@GraphQLApi
public class VariantFields {

    private final CatalogReads reads;
    private final VariantReads variants;
    private final StoreAccess access;

    VariantFields(CatalogReads reads, VariantReads variants, StoreAccess access) {
        this.reads = reads;
        this.variants = variants;
        this.access = access;
    }

    @NonNull
    @Description("The product this variant belongs to.")
    public List<@NonNull ProductView> product(@Source List<ProductVariantView> variantViews) {
        // A variant is visible exactly when its product is, so every product is found.
        Map<UUID, ProductView> found = reads.productsByIds(
                variantViews.stream().map(ProductVariantView::productUuid).distinct().toList(), access.audience() == Audience.STOREFRONT);
        return variantViews.stream().map(v -> found.get(v.productUuid())).toList();
    }

    @Description("The variant with exactly these option values (every option of the product, each once, names and values "
            + "as in `options`), or null when there is none.")
    public List<ProductVariantView> variantBySelectedOptions(@Source List<ProductView> products,
            @NonNull @Name("selectedOptions") @Description("One value per option of the product, e.g. [{name: \"Size\", value: \"M\"}, "
                    + "{name: \"Colour\", value: \"Red\"}].") List<@NonNull SelectedOption> selectedOptions) {
        Map<UUID, ProductVariantView> found = variants.bySelectedOptions(
                products.stream().map(ProductView::uuid).distinct().toList(), selectedOptions);
        return products.stream().map(p -> found.get(p.uuid())).toList();
    }
}
