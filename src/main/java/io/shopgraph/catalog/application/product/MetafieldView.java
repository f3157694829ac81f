package io.shopgraph.catalog.application.product;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("Metafield")
@Description("A merchant's key/value pair on a product. Storefronts see only the ones marked storefrontVisible.")
public record MetafieldView(
        @NonNull @Description("Groups keys, e.g. an app's name; \"custom\" by default.") String namespace,
        @NonNull @Description("The key, unique in its namespace on the product.") String key,
        @NonNull @Description("The value, a string of 1 to 10,000 characters.") String value,
        @NonNull @Description("Whether storefronts may read it; merchants always can.") boolean storefrontVisible) {
}
