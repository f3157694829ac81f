package io.shopgraph.catalog.api;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.shopgraph.platform.graphql.MoneyView;
import io.shopgraph.platform.graphql.Node;
import io.shopgraph.platform.kernel.GlobalId;

/** A variant as the API shows it. Inventory extends it with stock fields. */
@Type("ProductVariant")
@Description("One purchasable version of a product, e.g. the shirt in size M.")
public record ProductVariantView(
        @Id @NonNull @Description("The variant's global id.") String id,
        @Description("The stock keeping unit, unique in the store; null when none.") String sku,
        @NonNull @Description("The variant's name, made of its option values (\"Default\" without options).") String title,
        @NonNull @Description("The price.") MoneyView price,
        @Description("The price before a reduction, shown struck through; null when none.") MoneyView compareAtPrice,
        @NonNull @Description("The option values that make this variant.") List<@NonNull SelectedOption> selectedOptions,
        @Description("The image bound to this variant, if any.") ImageView image,
        @Description("The weight in grams, when known.") Integer weightGrams,
        @NonNull @Description("Whether the variant must be shipped.") boolean requiresShipping,
        @NonNull @Description("Whether tax applies to it.") boolean taxable,
        // Not in the schema: the variant's product, for ProductVariant.product and option lookups.
        @Ignore UUID productUuid) implements Node {

    public static final String TYPE = "ProductVariant";

    /** The variant's uuid. */
    public UUID uuid() {
        return GlobalId.parse(id, TYPE).orElseThrow();
    }
}
