package io.shopgraph.catalog.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.shopgraph.platform.graphql.MoneyView;

@Type("ProductPriceRange")
@Description("The lowest and highest price of a product's variants.")
public record ProductPriceRange(
        @NonNull @Description("The lowest variant price.") MoneyView minVariantPrice,
        @NonNull @Description("The highest variant price.") MoneyView maxVariantPrice) {
}
