package io.shopgraph.catalog.graphql;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.shopgraph.catalog.api.ProductView;
import io.shopgraph.catalog.application.read.CollectionView;
import io.shopgraph.catalog.application.translation.TranslationCommands;
import io.shopgraph.catalog.domain.TranslationDraft;
import io.shopgraph.catalog.domain.TranslationErrorCode;
import io.shopgraph.platform.errors.DomainException;
import io.shopgraph.platform.graphql.MutationSupport;
import io.shopgraph.platform.kernel.GlobalId;
import io.shopgraph.platform.security.MerchantOperation;
import io.shopgraph.platform.security.Scope;

/** Merchant mutations on the translations of product and collection texts. */
@GraphQLApi
public class TranslationMutations {

    private final TranslationCommands translations;

    TranslationMutations(TranslationCommands translations) {
        this.translations = translations;
    }

    @Mutation("productTranslationsSet")
    @MerchantOperation(Scope.WRITE_PRODUCTS)
    @NonNull
    @Description("Merchant: creates or replaces the product's title and description in each given locale (other locales are "
            + "kept; a text left null is not translated and falls back). All or nothing. Needs write_products.")
    public ProductTranslationsSetPayload productTranslationsSet(
            @NonNull @Id @Name("productId") @Description("The product's global id.") String productId,
            @NonNull @Name("translations") @Description("One entry per locale, at most 50.") List<@NonNull TranslationInput> input) {
        return MutationSupport.run(() -> new ProductTranslationsSetPayload(
                translations.setProductTranslations(id(productId, ProductView.TYPE), drafts(input)), List.of()),
                errors -> new ProductTranslationsSetPayload(null, TranslationUserError.from(errors)));
    }

    @Mutation("productTranslationsRemove")
    @MerchantOperation(Scope.WRITE_PRODUCTS)
    @NonNull
    @Description("Merchant: removes the product's translations in these locales (readers then fall back). Needs write_products.")
    public ProductTranslationsRemovePayload productTranslationsRemove(
            @NonNull @Id @Name("productId") @Description("The product's global id.") String productId,
            @NonNull @Name("locales") @Description("The locales to remove, at most 50.") List<@NonNull String> locales) {
        return MutationSupport.run(() -> new ProductTranslationsRemovePayload(
                translations.removeProductTranslations(id(productId, ProductView.TYPE), locales), List.of()),
                errors -> new ProductTranslationsRemovePayload(null, TranslationUserError.from(errors)));
    }

    @Mutation("collectionTranslationsSet")
    @MerchantOperation(Scope.WRITE_PRODUCTS)
    @NonNull
    @Description("Merchant: creates or replaces the collection's title and description in each given locale (other locales "
            + "are kept; a text left null is not translated and falls back). All or nothing. Needs write_products.")
    public CollectionTranslationsSetPayload collectionTranslationsSet(
            @NonNull @Id @Name("collectionId") @Description("The collection's global id.") String collectionId,
            @NonNull @Name("translations") @Description("One entry per locale, at most 50.") List<@NonNull TranslationInput> input) {
        return MutationSupport.run(() -> new CollectionTranslationsSetPayload(
                translations.setCollectionTranslations(id(collectionId, CollectionView.TYPE), drafts(input)), List.of()),
                errors -> new CollectionTranslationsSetPayload(null, TranslationUserError.from(errors)));
    }

    @Mutation("collectionTranslationsRemove")
    @MerchantOperation(Scope.WRITE_PRODUCTS)
    @NonNull
    @Description("Merchant: removes the collection's translations in these locales (readers then fall back). Needs write_products.")
    public CollectionTranslationsRemovePayload collectionTranslationsRemove(
            @NonNull @Id @Name("collectionId") @Description("The collection's global id.") String collectionId,
            @NonNull @Name("locales") @Description("The locales to remove, at most 50.") List<@NonNull String> locales) {
        return MutationSupport.run(() -> new CollectionTranslationsRemovePayload(
                translations.removeCollectionTranslations(id(collectionId, CollectionView.TYPE), locales), List.of()),
                errors -> new CollectionTranslationsRemovePayload(null, TranslationUserError.from(errors)));
    }

    private static UUID id(String id, String type) {
        return GlobalId.parse(id, type).orElseThrow(() -> new DomainException(TranslationErrorCode.NOT_FOUND, List.of("id"),
                "No " + type.toLowerCase() + " has this id."));
    }

    private static List<TranslationDraft> drafts(List<TranslationInput> input) {
        return input.stream().map(t -> new TranslationDraft(t.locale(), t.title(), t.description())).toList();
    }

    @Input("TranslationInput")
    @Description("The texts of one locale.")
    public record TranslationInput(
            @NonNull @Description("The locale, e.g. fr or fr-CA; not the store's default locale.") String locale,
            @Description("The translated title (1 to 255 characters); null leaves it untranslated.") String title,
            @Description("The translated description as plain text (its HTML is derived like the product's own); null leaves it "
                    + "untranslated.") String description) {
    }

    @Type("ProductTranslationsSetPayload")
    @Description("The result of productTranslationsSet.")
    public record ProductTranslationsSetPayload(
            @Description("The product (its translations field lists them); null when the mutation failed.") ProductView product,
            @NonNull @Description("What went wrong; empty on success.") List<@NonNull TranslationUserError> userErrors) {
    }

    @Type("ProductTranslationsRemovePayload")
    @Description("The result of productTranslationsRemove.")
    public record ProductTranslationsRemovePayload(
            @Description("The product (its translations field lists them); null when the mutation failed.") ProductView product,
            @NonNull @Description("What went wrong; empty on success.") List<@NonNull TranslationUserError> userErrors) {
    }

    @Type("CollectionTranslationsSetPayload")
    @Description("The result of collectionTranslationsSet.")
    public record CollectionTranslationsSetPayload(
            @Description("The collection (its translations field lists them); null when the mutation failed.") CollectionView collection,
            @NonNull @Description("What went wrong; empty on success.") List<@NonNull TranslationUserError> userErrors) {
    }

    @Type("CollectionTranslationsRemovePayload")
    @Description("The result of collectionTranslationsRemove.")
    public record CollectionTranslationsRemovePayload(
            @Description("The collection (its translations field lists them); null when the mutation failed.") CollectionView collection,
            @NonNull @Description("What went wrong; empty on success.") List<@NonNull TranslationUserError> userErrors) {
    }
}
