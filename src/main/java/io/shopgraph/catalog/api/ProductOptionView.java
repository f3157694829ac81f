package io.shopgraph.catalog.api;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("ProductOption")
@Description("An option of a product, e.g. Size, with the values its variants use.")
public record ProductOptionView(
        @NonNull @Description("The option's name.") String name,
        @NonNull @Description("The option's values, in display order.") List<@NonNull String> values) {
}
