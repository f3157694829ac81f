package io.shopgraph.catalog.graphql;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;

import io.shopgraph.catalog.api.ImageView;
import io.shopgraph.catalog.api.ProductView;
import io.shopgraph.catalog.application.read.CatalogReads;
import io.shopgraph.catalog.application.read.CollectionView;
import io.shopgraph.catalog.application.read.CursoredProduct;
import io.shopgraph.catalog.application.read.CursoredVariant;
import io.shopgraph.catalog.application.read.FacetScope;
import io.shopgraph.catalog.application.read.ProductFilter;
import io.shopgraph.catalog.application.read.ProductSortKey;
import io.shopgraph.platform.graphql.Page;
import io.shopgraph.platform.graphql.PageRequest;
import io.shopgraph.platform.security.StoreAccess.Audience;
import io.shopgraph.platform.security.StoreAccess;

/** The nested fields of products and collections, each one batch (one SQL statement) per level. */
@GraphQLApi
public class ProductFields {

    private final CatalogReads reads;
    private final StoreAccess access;

    ProductFields(CatalogReads reads, StoreAccess access) {
        this.reads = reads;
        this.access = access;
    }

    @NonNull
    @Description("The product's variants in position order.")
    public List<@NonNull ProductVariantConnection> variants(@Source List<ProductView> products,
            @Name("first") @DefaultValue("100") @Description("How many variants to return (at most 100).") int first,
            @Name("after") @Description("Return the variants after this cursor (one of this product's variant cursors).") String after) {
        Map<UUID, Page<CursoredVariant>> pages = reads.variants(ids(products), PageRequest.forward(first, after));
        return products.stream().map(p -> ProductVariantConnection.of(pages.get(p.uuid()))).toList();
    }

    @NonNull
    @Description("The product's images in display order.")
    public List<@NonNull List<@NonNull ImageView>> images(@Source List<ProductView> products) {
        Map<UUID, List<ImageView>> found = reads.images(ids(products));
        return products.stream().map(p -> found.getOrDefault(p.uuid(), List.of())).toList();
    }

    @NonNull
    @Description("The collections the product belongs to, by title.")
    public List<@NonNull List<@NonNull CollectionView>> collections(@Source List<ProductView> products) {
        // One statement per locale the products were read in (one in practice; several only when one
        // document reads products in several locales).
        Map<String, Map<UUID, List<CollectionView>>> byLocale = new HashMap<>();
        groupByLocale(products, ProductView::locale, ProductView::uuid)
                .forEach((locale, ids) -> byLocale.put(locale, reads.collectionsOfProducts(ids, locale)));
        return products.stream().map(p -> byLocale.get(p.locale()).getOrDefault(p.uuid(), List.of())).toList();
    }

    @NonNull
    @Description("The collection's products (the same visibility rules as products), in the merchant's order by default.")
    public List<@NonNull ProductConnection> products(@Source List<CollectionView> collections,
            @Name("first") @Description("How many products to return after `after` (at most 100, default 20).") Integer first,
            @Name("after") @Description("Return products after this cursor.") String after,
            @Name("last") @Description("How many products to return before `before` (at most 100).") Integer last,
            @Name("before") @Description("Return products before this cursor.") String before,
            @Name("filter") @Description("Narrows the list.") ProductFilterInput filter,
            @Name("sortKey") @DefaultValue("COLLECTION_DEFAULT") @Description("The order of the list.") ProductSortKey sortKey,
            @Name("reverse") @DefaultValue("false") @Description("Whether to reverse the order.") boolean reverse) {
        PageRequest request = PageRequest.of(first, after, last, before);
        ProductFilter parsed = ProductFilterInput.toFilter(filter);
        boolean storefront = access.audience() == Audience.STOREFRONT;
        Map<String, Map<UUID, Page<CursoredProduct>>> byLocale = new HashMap<>();
        groupByLocale(collections, CollectionView::locale, CollectionView::uuid)
                .forEach((locale, ids) -> byLocale.put(locale, reads.collectionProducts(ids, parsed,
                        sortKey, reverse, request, storefront, locale)));
        return collections.stream().map(c -> ProductConnection.of(byLocale.get(c.locale()).get(c.uuid()),
                new FacetScope(parsed, storefront, c.uuid(), c.locale()))).toList();
    }

    /** The distinct ids of the sources by the locale they were read in (null key: base texts). */
    private static <S> Map<String, List<UUID>> groupByLocale(List<S> sources, Function<S, String> locale, Function<S, UUID> id) {
        Map<String, List<UUID>> grouped = new HashMap<>();
        for (S source : sources) {
            List<UUID> ids = grouped.computeIfAbsent(locale.apply(source), k -> new ArrayList<>());
            UUID uuid = id.apply(source);
            if (!ids.contains(uuid)) {
                ids.add(uuid);
            }
        }
        return grouped;
    }

    private static List<UUID> ids(List<ProductView> products) {
        return products.stream().map(ProductView::uuid).distinct().toList();
    }
}
