package io.shopgraph.catalog.graphql;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;

import io.shopgraph.catalog.api.ProductView;
import io.shopgraph.catalog.application.read.CollectionTranslationView;
import io.shopgraph.catalog.application.read.CollectionView;
import io.shopgraph.catalog.application.read.ProductTranslationView;
import io.shopgraph.catalog.application.read.TranslationReads;
import io.shopgraph.platform.security.Scope;
import io.shopgraph.platform.security.StoreAccess;

/** The stored translations of products and collections: merchant fields, one statement per batch. */
@GraphQLApi
public class TranslationFields {

    private final TranslationReads reads;
    private final StoreAccess access;

    TranslationFields(TranslationReads reads, StoreAccess access) {
        this.reads = reads;
        this.access = access;
    }

    @Name("translations")
    @Description("Merchants (read_products): the product's translations, by locale. An error for storefronts.")
    public List<List<@NonNull ProductTranslationView>> productTranslations(@Source List<ProductView> products) {
        access.requireMerchant(Scope.READ_PRODUCTS);
        Map<UUID, List<ProductTranslationView>> found = reads.ofProducts(products.stream().map(ProductView::uuid).distinct().toList());
        return products.stream().map(p -> found.getOrDefault(p.uuid(), List.of())).toList();
    }

    @Name("translations")
    @Description("Merchants (read_products): the collection's translations, by locale. An error for storefronts.")
    public List<List<@NonNull CollectionTranslationView>> collectionTranslations(@Source List<CollectionView> collections) {
        access.requireMerchant(Scope.READ_PRODUCTS);
        Map<UUID, List<CollectionTranslationView>> found = reads.ofCollections(
                collections.stream().map(CollectionView::uuid).distinct().toList());
        return collections.stream().map(c -> found.getOrDefault(c.uuid(), List.of())).toList();
    }
}
