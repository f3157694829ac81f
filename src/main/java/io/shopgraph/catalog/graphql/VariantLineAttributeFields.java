package io.shopgraph.catalog.graphql;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;

import io.shopgraph.catalog.api.LineAttributeDeclaration;
import io.shopgraph.catalog.api.LineAttributeType;
import io.shopgraph.catalog.api.ProductVariantView;
import io.shopgraph.catalog.application.read.VariantLineAttributes;
import io.shopgraph.catalog.domain.ProductErrorCode;
import io.shopgraph.platform.errors.DomainException;
import io.shopgraph.platform.graphql.MutationSupport;
import io.shopgraph.platform.kernel.GlobalId;
import io.shopgraph.platform.security.MerchantOperation;
import io.shopgraph.platform.security.Scope;

/** The line attributes a variant declares: the merchant sets them, storefronts read them to build the line's form. */
@GraphQLApi
public class VariantLineAttributeFields {

    private final VariantLineAttributes attributes;

    VariantLineAttributeFields(VariantLineAttributes attributes) {
        this.attributes = attributes;
    }

    @NonNull
    @Description("The attributes a cart line of this variant takes (e.g. the engraving text), in order; cartLinesAdd checks them.")
    public List<@NonNull List<@NonNull LineAttributeDeclaration>> lineAttributes(@Source List<ProductVariantView> variants) {
        Map<UUID, List<LineAttributeDeclaration>> found = attributes.byVariants(variants.stream().map(ProductVariantView::uuid).distinct().toList());
        return variants.stream().map(v -> found.getOrDefault(v.uuid(), List.of())).toList();
    }

    @Mutation("productVariantLineAttributesSet")
    @MerchantOperation(Scope.WRITE_PRODUCTS)
    @NonNull
    @Description("Merchant: replaces the line attributes a variant declares (at most 10). Lines already in carts keep theirs; "
            + "new adds and quantity changes are checked against the new declarations. Needs write_products.")
    public ProductVariantLineAttributesSetPayload productVariantLineAttributesSet(
            @NonNull @Id @Name("variantId") @Description("The variant's global id.") String variantId,
            @NonNull @Name("lineAttributes") @Description("The declarations, in display order; empty removes them all.")
            List<@NonNull LineAttributeDeclarationInput> input) {
        return MutationSupport.run(() -> {
            UUID id = GlobalId.parse(variantId, ProductVariantView.TYPE).orElseThrow(() -> new DomainException(
                    ProductErrorCode.NOT_FOUND, List.of("variantId"), "No variant with this id exists in this store."));
            List<LineAttributeDeclaration> declarations = input.stream().map(d -> new LineAttributeDeclaration(d.key(), d.type(),
                    Boolean.TRUE.equals(d.required()), d.maxLength() == null ? 255 : d.maxLength(),
                    d.allowedValues() == null ? List.of() : d.allowedValues())).toList();
            return new ProductVariantLineAttributesSetPayload(attributes.set(id, declarations), List.of());
        }, errors -> new ProductVariantLineAttributesSetPayload(null, ProductUserError.from(errors)));
    }

    @Input("LineAttributeDeclarationInput")
    @Description("A line attribute a variant asks for.")
    public record LineAttributeDeclarationInput(
            @NonNull @Description("The key: 1 to 64 letters, digits, '_' or '-'.") String key,
            @NonNull @Description("What kind of value it takes.") LineAttributeType type,
            @DefaultValue("false") @Description("Whether every line of the variant must carry it (default false).") Boolean required,
            @DefaultValue("255") @Description("The longest value, 1 to 1,000 characters (default 255).") Integer maxLength,
            @Description("For CHOICE, the 1 to 50 values allowed.") List<String> allowedValues) {
    }

    @Name("ProductVariantLineAttributesSetPayload")
    @Description("The result of productVariantLineAttributesSet.")
    public record ProductVariantLineAttributesSetPayload(
            @Description("The declarations now in force; null when the mutation failed.") List<@NonNull LineAttributeDeclaration> lineAttributes,
            @NonNull @Description("What went wrong; empty on success.") List<@NonNull ProductUserError> userErrors) {
    }
}
