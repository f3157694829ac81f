package io.shopgraph.catalog.graphql;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("VariantOptionFilter")
@Description("A product option value to filter by, e.g. {name: \"Size\", value: \"M\"}: products with a variant that has it.")
public record VariantOptionFilter(
        @NonNull @Description("The option's name, exactly as in Product.options and the facets (e.g. Size).") String name,
        @NonNull @Description("The value (e.g. M).") String value) {
}
