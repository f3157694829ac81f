package io.shopgraph.catalog.graphql;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import io.shopgraph.catalog.api.ProductView;
import io.shopgraph.catalog.application.read.CatalogLocale;
import io.shopgraph.catalog.application.read.CatalogReads;
import io.shopgraph.catalog.application.read.CollectionView;
import io.shopgraph.catalog.application.read.FacetScope;
import io.shopgraph.catalog.application.read.ProductFilter;
import io.shopgraph.catalog.application.read.ProductSortKey;
import io.shopgraph.platform.errors.ApiException;
import io.shopgraph.platform.graphql.PageRequest;
import io.shopgraph.platform.kernel.GlobalId;
import io.shopgraph.platform.security.Scope;
import io.shopgraph.platform.security.SharedOperation;
import io.shopgraph.platform.security.StoreAccess.Audience;
import io.shopgraph.platform.security.StoreAccess;

@GraphQLApi
public class ProductQueries {

    static final String LOCALE = "The locale to show texts in (a language, optionally with a region: fr, fr-CA), also in nested "
            + "products and collections. A text without a translation falls back to the language's (fr-CA -> fr), then to the "
            + "store's default locale (shop.defaultLocale). Omitted: the default locale. BAD_REQUEST when malformed.";

    private final CatalogReads reads;
    private final StoreAccess access;

    ProductQueries(CatalogReads reads, StoreAccess access) {
        this.reads = reads;
        this.access = access;
    }

    @Query("products")
    @SharedOperation(merchantScope = Scope.READ_PRODUCTS)
    @NonNull
    @Description("The store's products. Storefronts see only ACTIVE products published at or before now; merchants "
            + "(read_products scope) see all of them.")
    public ProductConnection products(
            @Name("first") @Description("How many products to return after `after` (at most 100, default 20).") Integer first,
            @Name("after") @Description("Return products after this cursor.") String after,
            @Name("last") @Description("How many products to return before `before` (at most 100).") Integer last,
            @Name("before") @Description("Return products before this cursor.") String before,
            @Name("filter") @Description("Narrows the list.") ProductFilterInput filter,
            @Name("sortKey") @DefaultValue("ID") @Description("The order of the list.") ProductSortKey sortKey,
            @Name("reverse") @DefaultValue("false") @Description("Whether to reverse the order.") boolean reverse,
            @Name("locale") @Description(LOCALE) String locale) {
        boolean storefront = storefront();
        ProductFilter parsed = ProductFilterInput.toFilter(filter);
        String texts = CatalogLocale.parse(locale);
        return ProductConnection.of(reads.products(parsed, sortKey, reverse, PageRequest.of(first, after, last, before), storefront, texts),
                new FacetScope(parsed, storefront, null, texts));
    }

    @Query("product")
    @SharedOperation(merchantScope = Scope.READ_PRODUCTS)
    @Description("One product by id or by handle (pass exactly one), or null when it does not exist or is not visible.")
    public ProductView product(
            @Id @Name("id") @Description("The product's global id.") String id,
            @Name("handle") @Description("The product's handle.") String handle,
            @Name("locale") @Description(LOCALE) String locale) {
        if ((id == null) == (handle == null)) {
            throw ApiException.badRequest("Pass either id or handle.");
        }
        boolean storefront = storefront();
        String texts = CatalogLocale.parse(locale);
        if (id != null) {
            Optional<UUID> uuid = GlobalId.parse(id, ProductView.TYPE);
            return uuid.map(u -> reads.productsByIds(List.of(u), storefront, texts).get(u)).orElse(null);
        }
        return reads.productByHandle(handle, storefront, texts).orElse(null);
    }

    @Query("collections")
    @SharedOperation(merchantScope = Scope.READ_PRODUCTS)
    @NonNull
    @Description("The store's collections, oldest first.")
    public CollectionConnection collections(
            @Name("first") @Description("How many collections to return after `after` (at most 100, default 20).") Integer first,
            @Name("after") @Description("Return collections after this cursor.") String after,
            @Name("last") @Description("How many collections to return before `before` (at most 100).") Integer last,
            @Name("before") @Description("Return collections before this cursor.") String before,
            @Name("locale") @Description(LOCALE) String locale) {
        return CollectionConnection.of(reads.collections(PageRequest.of(first, after, last, before), CatalogLocale.parse(locale)));
    }

    @Query("collection")
    @SharedOperation(merchantScope = Scope.READ_PRODUCTS)
    @Description("One collection by id or by handle (pass exactly one), or null when it does not exist.")
    public CollectionView collection(
            @Id @Name("id") @Description("The collection's global id.") String id,
            @Name("handle") @Description("The collection's handle.") String handle,
            @Name("locale") @Description(LOCALE) String locale) {
        if ((id == null) == (handle == null)) {
            throw ApiException.badRequest("Pass either id or handle.");
        }
        String texts = CatalogLocale.parse(locale);
        if (id != null) {
            return GlobalId.parse(id, CollectionView.TYPE).map(u -> reads.collectionsByIds(List.of(u), texts).get(u)).orElse(null);
        }
        return reads.collectionByHandle(handle, texts).orElse(null);
    }

    /** Whether the caller is a storefront, which sees published products only. */
    private boolean storefront() {
        return access.audience() == Audience.STOREFRONT;
    }
}
