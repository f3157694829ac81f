package io.shopgraph.catalog.graphql;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

import io.shopgraph.catalog.api.ProductKind;
import io.shopgraph.catalog.api.SelectedOption;
import io.shopgraph.catalog.application.read.ProductFilter;
import io.shopgraph.platform.graphql.Decimal;
import io.shopgraph.platform.kernel.GlobalId;

@Input("ProductFilter")
@Description("Narrows a list of products; every part is optional and the parts combine with AND; the values of a list "
        + "combine with OR (vendors [A, B]: either).")
public record ProductFilterInput(
        @Description("Words to find (full-text, each word as a prefix, case-insensitive) in the title, tags, vendor or description, "
                + "or a tag equal to the whole text. Needed by the RELEVANCE sort.") String query,
        @Description("Only products in this collection (a Collection global id).") String collectionId,
        @Description("Only products of these kinds.") List<ProductKind> kinds,
        @Description("Only products with at least one of these tags.") List<String> tags,
        @Description("Only products of these vendors.") List<String> vendors,
        @Description("Only products with a variant priced at least this, in the store's currency.") Decimal minPrice,
        @Description("Only products with a variant priced at most this, in the store's currency.") Decimal maxPrice,
        @Description("Only products that can (true) or cannot (false) be bought now.") Boolean available,
        @Description("Only products with a variant having these option values. Values of the same option combine with OR "
                + "(Size M or L), different options with AND (and Colour Red).") List<VariantOptionFilter> variantOptions) {

    static ProductFilter toFilter(ProductFilterInput input) {
        if (input == null) {
            return ProductFilter.NONE;
        }
        var collection = input.collectionId() == null ? null : GlobalId.parse(input.collectionId(), "Collection");
        return new ProductFilter(input.query(), collection == null ? null : collection.orElse(null),
                collection != null && collection.isEmpty(), input.kinds(), input.tags(), input.vendors(),
                input.minPrice() == null ? null : input.minPrice().value(),
                input.maxPrice() == null ? null : input.maxPrice().value(), input.available(),
                input.variantOptions() == null ? List.of()
                        : input.variantOptions().stream().filter(java.util.Objects::nonNull).map(o -> new SelectedOption(o.name(), o.value())).toList(), null);
    }
}
