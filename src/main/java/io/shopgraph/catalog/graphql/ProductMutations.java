package io.shopgraph.catalog.graphql;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import io.shopgraph.catalog.api.ProductKind;
import io.shopgraph.catalog.api.ProductStatus;
import io.shopgraph.catalog.api.ProductView;
import io.shopgraph.catalog.application.product.ProductChanges;
import io.shopgraph.catalog.application.product.ProductCommands;
import io.shopgraph.catalog.domain.ProductDraft;
import io.shopgraph.catalog.domain.ProductErrorCode;
import io.shopgraph.platform.errors.DomainException;
import io.shopgraph.platform.graphql.Decimal;
import io.shopgraph.platform.graphql.MutationSupport;
import io.shopgraph.platform.kernel.GlobalId;
import io.shopgraph.platform.security.MerchantOperation;
import io.shopgraph.platform.security.Scope;

@GraphQLApi
public class ProductMutations {

    private final ProductCommands products;

    ProductMutations(ProductCommands products) {
        this.products = products;
    }

    @Mutation("productCreate")
    @MerchantOperation(Scope.WRITE_PRODUCTS)
    @NonNull
    @Description("Merchant: creates a product with its options, variants and media in one step. Needs write_products.")
    public ProductCreatePayload productCreate(@NonNull @Name("input") @Description("The product to create.") ProductCreateInput input) {
        return MutationSupport.run(() -> new ProductCreatePayload(products.create(input.toDraft()), List.of()),
                errors -> new ProductCreatePayload(null, ProductUserError.from(errors)));
    }

    @Mutation("productUpdate")
    @MerchantOperation(Scope.WRITE_PRODUCTS)
    @NonNull
    @Description("Merchant: changes a product's own fields; fields left out keep their value. Needs write_products.")
    public ProductUpdatePayload productUpdate(
            @NonNull @Id @Name("id") @Description("The product's global id.") String id,
            @NonNull @Name("input") @Description("The fields to change.") ProductUpdateInput input) {
        return MutationSupport.run(() -> new ProductUpdatePayload(products.update(productId(id), input.toChanges()), List.of()),
                errors -> new ProductUpdatePayload(null, ProductUserError.from(errors)));
    }

    @Mutation("productDelete")
    @MerchantOperation(Scope.WRITE_PRODUCTS)
    @NonNull
    @Description("Merchant: deletes a product with its variants, media and collection memberships, and its stock. Needs write_products.")
    public ProductDeletePayload productDelete(@NonNull @Id @Name("id") @Description("The product's global id.") String id) {
        return MutationSupport.run(() -> new ProductDeletePayload(GlobalId.format(ProductView.TYPE, products.delete(productId(id))), List.of()),
                errors -> new ProductDeletePayload(null, ProductUserError.from(errors)));
    }

    private static UUID productId(String id) {
        return GlobalId.parse(id, ProductView.TYPE).orElseThrow(() -> new DomainException(ProductErrorCode.NOT_FOUND,
                List.of("id"), "No product has this id."));
    }

    static final String DESCRIPTION_HTML = "The description as HTML. It is cleaned by an allowlist: formatting, paragraphs, headings, "
            + "lists, tables, links (http, https, mailto) and images (http, https) stay; scripts, styles, event handlers, "
            + "javascript: URLs and everything else go. The plain description becomes its text unless `description` is given too.";

    @Input("ProductCreateInput")
    @Description("A product to create.")
    public record ProductCreateInput(
            @NonNull @Description("The name, 1 to 255 characters.") String title,
            @Description("The handle; made from the title when left out.") String handle,
            @Description("The description as plain text; its HTML form is derived (escaped).") String description,
            @Description("DRAFT when left out.") ProductStatus status,
            @Description("When storefronts may see it; now when ACTIVE and left out.") Instant publishedAt,
            @Description("PHYSICAL when left out.") ProductKind kind,
            @Description("Who makes it.") String vendor,
            @Description("Tags, stored lowercase.") List<String> tags,
            @Description("The title for search engines.") String seoTitle,
            @Description("The description for search engines.") String seoDescription,
            @Description("Up to 3 options with their values.") List<ProductOptionInput> options,
            @NonNull @Description("1 to 100 variants; each gives one value per option, in option order.") List<ProductVariantInput> variants,
            @Description("Images in display order, at most 50.") List<ProductMediaInput> media,
            @Description("Merchant metadata, at most 50.") List<MetafieldInput> metafields,
            @Description(DESCRIPTION_HTML) String descriptionHtml) {

        ProductDraft toDraft() {
            return new ProductDraft(title, handle, description, status, publishedAt, kind, vendor, tags, seoTitle, seoDescription,
                    options == null ? List.of() : options.stream().filter(Objects::nonNull)
                            .map(o -> new ProductDraft.OptionDraft(o.name(), o.values())).toList(),
                    variants.stream().filter(Objects::nonNull).map(ProductVariantInput::toDraft).toList(),
                    media == null ? List.of() : media.stream().filter(Objects::nonNull).map(m -> new ProductDraft.MediaDraft(m.url(), m.alt(), m.width(),
                            m.height(), m.variantIndex())).toList(), MetafieldInput.toDrafts(metafields), descriptionHtml);
        }
    }

    @Input("ProductOptionInput")
    @Description("An option of a new product.")
    public record ProductOptionInput(
            @NonNull @Description("The option's name, e.g. Size.") String name,
            @NonNull @Description("Its values in display order, e.g. S, M, L.") List<String> values) {
    }

    @Input("ProductVariantInput")
    @Description("A variant of a new product.")
    public record ProductVariantInput(
            @Description("The SKU, unique in the store.") String sku,
            @Description("One value per option, in option order; empty for a product without options.") List<String> optionValues,
            @NonNull @Description("The price in the store's currency, e.g. \"12.50\".") Decimal price,
            @Description("The price before a reduction; not below the price.") Decimal compareAtPrice,
            @Description("The weight in grams.") Integer weightGrams,
            @Description("Whether it is shipped; true for PHYSICAL products when left out.") Boolean requiresShipping,
            @Description("Whether tax applies; true when left out.") Boolean taxable,
            @Description("Units on hand to start with; the variant's stock is tracked when given, untracked otherwise.") Integer inventoryQuantity,
            @Description("The deposit checkout charges for it (the balance is requested later); none when left out.") VariantDepositInput deposit) {

        ProductDraft.VariantDraft toDraft() {
            return new ProductDraft.VariantDraft(sku, optionValues, price.value(), compareAtPrice == null ? null : compareAtPrice.value(),
                    weightGrams, requiresShipping, taxable, inventoryQuantity, deposit == null ? null : deposit.toDraft());
        }
    }

    @Input("VariantDepositInput")
    @Description("A deposit a variant requires: PERCENTAGE with basisPoints (1 to 10000; 2500 = 25%) of the line's total after discounts "
            + "with its tax, or FIXED with an amount per unit in the store's currency (not above the price; capped at the line's total).")
    public record VariantDepositInput(
            @NonNull @Description("How the deposit is computed.") io.shopgraph.catalog.api.DepositKind kind,
            @Description("PERCENTAGE: the share in basis points, 1 to 10000.") Integer basisPoints,
            @Description("FIXED: the amount per unit, e.g. \"50.00\".") Decimal amount) {

        ProductDraft.DepositDraft toDraft() {
            return new ProductDraft.DepositDraft(kind, basisPoints, amount == null ? null : amount.value());
        }
    }

    @Input("ProductMediaInput")
    @Description("An image of a new product.")
    public record ProductMediaInput(
            @NonNull @Description("The image's http(s) URL.") String url,
            @Description("Alternative text.") String alt,
            @Description("Width in pixels.") Integer width,
            @Description("Height in pixels.") Integer height,
            @Description("The index, in the input's variants, of the variant this image shows.") Integer variantIndex) {
    }

    @Input("ProductUpdateInput")
    @Description("Product fields to change; the ones left out keep their value.")
    public record ProductUpdateInput(
            @Description("The name.") String title,
            @Description("The handle.") String handle,
            @Description("The description as plain text.") String description,
            @Description("The status.") ProductStatus status,
            @Description("When storefronts may see it.") Instant publishedAt,
            @Description("The kind.") ProductKind kind,
            @Description("Who makes it.") String vendor,
            @Description("The tags, replacing the current ones.") List<String> tags,
            @Description("The title for search engines.") String seoTitle,
            @Description("The description for search engines.") String seoDescription,
            @Description("Replaces the product's whole set of metafields (those left out are deleted; an empty list deletes all); "
                    + "left out: unchanged.") List<MetafieldInput> metafields,
            @Description(DESCRIPTION_HTML) String descriptionHtml) {

        ProductChanges toChanges() {
            return new ProductChanges(title, handle, description, status, publishedAt, kind, vendor, tags, seoTitle, seoDescription,
                    MetafieldInput.toDrafts(metafields), descriptionHtml);
        }
    }

    @Name("ProductCreatePayload")
    @Description("The result of productCreate.")
    public record ProductCreatePayload(
            @Description("The new product; null when the mutation failed.") ProductView product,
            @NonNull @Description("What went wrong; empty on success.") List<@NonNull ProductUserError> userErrors) {
    }

    @Name("ProductUpdatePayload")
    @Description("The result of productUpdate.")
    public record ProductUpdatePayload(
            @Description("The changed product; null when the mutation failed.") ProductView product,
            @NonNull @Description("What went wrong; empty on success.") List<@NonNull ProductUserError> userErrors) {
    }

    @Name("ProductDeletePayload")
    @Description("The result of productDelete.")
    public record ProductDeletePayload(
            @Id @Description("The deleted product's global id; null when the mutation failed.") String deletedProductId,
            @NonNull @Description("What went wrong; empty on success.") List<@NonNull ProductUserError> userErrors) {
    }
}
