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
import io.shopgraph.catalog.application.product.MetafieldView;
import io.shopgraph.catalog.application.product.ProductMetafields;
import io.shopgraph.platform.security.StoreAccess.Audience;
import io.shopgraph.platform.security.StoreAccess;

/** Product.metafields: one statement per level; storefronts see only storefront-visible metafields. */
@GraphQLApi
public class MetafieldFields {

    private final ProductMetafields metafields;
    private final StoreAccess access;

    MetafieldFields(ProductMetafields metafields, StoreAccess access) {
        this.metafields = metafields;
        this.access = access;
    }

    @NonNull
    @Description("The merchant's key/value pairs on the product, by namespace and key. Merchants see all of them; "
            + "storefronts only those marked storefrontVisible.")
    public List<@NonNull List<@NonNull MetafieldView>> metafields(@Source List<ProductView> products,
            @Name("namespace") @Description("Only the metafields of this namespace.") String namespace) {
        List<UUID> ids = products.stream().map(ProductView::uuid).distinct().toList();
        Map<UUID, List<MetafieldView>> found = metafields.byProducts(ids, access.audience() == Audience.STOREFRONT, namespace);
        return products.stream().map(p -> found.getOrDefault(p.uuid(), List.of())).toList();
    }
}
