package io.shopgraph.catalog.graphql;

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

import io.shopgraph.catalog.api.ProductVariantView;
import io.shopgraph.catalog.api.ProductView;
import io.shopgraph.catalog.application.product.VariantChange;
import io.shopgraph.catalog.application.product.VariantCommands.VariantsDeletion;
import io.shopgraph.catalog.application.product.VariantCommands.VariantsResult;
import io.shopgraph.catalog.application.product.VariantCommands;
import io.shopgraph.platform.graphql.Decimal;
import io.shopgraph.platform.graphql.MutationSupport;
import io.shopgraph.platform.kernel.GlobalId;
import io.shopgraph.platform.security.MerchantOperation;
import io.shopgraph.platform.security.Scope;

/** Merchant mutations on an existing product's variants, each all or nothing in one transaction. */
@GraphQLApi
public class VariantMutations {

    /** Stands for an id that does not parse: it matches nothing, so the use case answers NOT_FOUND at its index. */
    static final UUID UNKNOWN = new UUID(0, 0);

    private final VariantCommands variants;

    VariantMutations(VariantCommands variants) {
        this.variants = variants;
    }

    @Mutation("productVariantsBulkCreate")
    @MerchantOperation(Scope.WRITE_PRODUCTS)
    @NonNull
    @Description("Merchant: adds variants to a product (at most 100 in all), all or nothing; each gives one value per "
            + "option of the product. Stock rows are created for them. Needs write_products.")
    public ProductVariantsBulkCreatePayload productVariantsBulkCreate(
            @NonNull @Id @Name("productId") @Description("The product's global id.") String productId,
            @NonNull @Name("variants") @Description("The variants to add, at most 100.") List<ProductMutations.@NonNull ProductVariantInput> input) {
        return MutationSupport.run(() -> {
            VariantsResult result = variants.create(id(productId, ProductView.TYPE),
                    input.stream().filter(Objects::nonNull).map(ProductMutations.ProductVariantInput::toDraft).toList());
            return new ProductVariantsBulkCreatePayload(result.product(), result.variants(), List.of());
        }, errors -> new ProductVariantsBulkCreatePayload(null, null, ProductUserError.from(errors)));
    }

    @Mutation("productVariantsBulkUpdate")
    @MerchantOperation(Scope.WRITE_PRODUCTS)
    @NonNull
    @Description("Merchant: changes variants of a product, all or nothing; fields left out keep their value. Needs write_products.")
    public ProductVariantsBulkUpdatePayload productVariantsBulkUpdate(
            @NonNull @Id @Name("productId") @Description("The product's global id.") String productId,
            @NonNull @Name("variants") @Description("The changes, one per variant, at most 100.") List<@NonNull ProductVariantUpdateInput> input) {
        return MutationSupport.run(() -> {
            VariantsResult result = variants.update(id(productId, ProductView.TYPE),
                    input.stream().filter(Objects::nonNull).map(ProductVariantUpdateInput::toChange).toList());
            return new ProductVariantsBulkUpdatePayload(result.product(), result.variants(), List.of());
        }, errors -> new ProductVariantsBulkUpdatePayload(null, null, ProductUserError.from(errors)));
    }

    @Mutation("productVariantsBulkDelete")
    @MerchantOperation(Scope.WRITE_PRODUCTS)
    @NonNull
    @Description("Merchant: deletes variants of a product with their stock, all or nothing; a product keeps at least one "
            + "variant (LAST_VARIANT). Images bound to a deleted variant stay on the product, unbound. Needs write_products.")
    public ProductVariantsBulkDeletePayload productVariantsBulkDelete(
            @NonNull @Id @Name("productId") @Description("The product's global id.") String productId,
            @NonNull @Name("variantIds") @Description("Global ids of the product's variants to delete.") List<@NonNull String> variantIds) {
        return MutationSupport.run(() -> {
            VariantsDeletion result = variants.delete(id(productId, ProductView.TYPE),
                    variantIds.stream().map(v -> id(v, ProductVariantView.TYPE)).toList());
            return new ProductVariantsBulkDeletePayload(result.product(),
                    result.deletedVariantIds().stream().map(v -> GlobalId.format(ProductVariantView.TYPE, v)).toList(), List.of());
        }, errors -> new ProductVariantsBulkDeletePayload(null, null, ProductUserError.from(errors)));
    }

    static UUID id(String globalId, String type) {
        return globalId == null ? UNKNOWN : GlobalId.parse(globalId, type).orElse(UNKNOWN);
    }

    @Input("ProductVariantUpdateInput")
    @Description("Changes to one variant; the fields left out keep their value.")
    public record ProductVariantUpdateInput(
            @NonNull @Id @Description("The variant's global id.") String id,
            @Description("The SKU, unique in the store; an empty string removes it.") String sku,
            @Description("One value per option of the product, in option order.") List<String> optionValues,
            @Description("The price in the store's currency.") Decimal price,
            @Description("The price before a reduction; not below the price.") Decimal compareAtPrice,
            @Description("Whether to remove the compare-at price (wins over compareAtPrice).") Boolean clearCompareAtPrice,
            @Description("The weight in grams.") Integer weightGrams,
            @Description("Whether it is shipped.") Boolean requiresShipping,
            @Description("Whether tax applies.") Boolean taxable,
            @Description("The deposit checkout charges for it (replaces the current one).") ProductMutations.VariantDepositInput deposit,
            @Description("Whether to remove the deposit, so the variant is paid in full at checkout (wins over deposit).") Boolean clearDeposit) {

        VariantChange toChange() {
            return new VariantChange(VariantMutations.id(id, ProductVariantView.TYPE), sku, optionValues,
                    price == null ? null : price.value(), compareAtPrice == null ? null : compareAtPrice.value(),
                    Boolean.TRUE.equals(clearCompareAtPrice), weightGrams, requiresShipping, taxable,
                    deposit == null ? null : deposit.toDraft(), Boolean.TRUE.equals(clearDeposit));
        }
    }

    @Name("ProductVariantsBulkCreatePayload")
    @Description("The result of productVariantsBulkCreate.")
    public record ProductVariantsBulkCreatePayload(
            @Description("The product after the change; null when the mutation failed.") ProductView product,
            @Description("The new variants in input order; null when the mutation failed.") List<@NonNull ProductVariantView> productVariants,
            @NonNull @Description("What went wrong; empty on success.") List<@NonNull ProductUserError> userErrors) {
    }

    @Name("ProductVariantsBulkUpdatePayload")
    @Description("The result of productVariantsBulkUpdate.")
    public record ProductVariantsBulkUpdatePayload(
            @Description("The product after the change; null when the mutation failed.") ProductView product,
            @Description("The changed variants in input order; null when the mutation failed.") List<@NonNull ProductVariantView> productVariants,
            @NonNull @Description("What went wrong; empty on success.") List<@NonNull ProductUserError> userErrors) {
    }

    @Name("ProductVariantsBulkDeletePayload")
    @Description("The result of productVariantsBulkDelete.")
    public record ProductVariantsBulkDeletePayload(
            @Description("The product after the change; null when the mutation failed.") ProductView product,
            @Description("The deleted variants' global ids; null when the mutation failed.") List<@NonNull String> deletedVariantIds,
            @NonNull @Description("What went wrong; empty on success.") List<@NonNull ProductUserError> userErrors) {
    }
}
