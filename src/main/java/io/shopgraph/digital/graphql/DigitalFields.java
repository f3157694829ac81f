package io.shopgraph.digital.graphql;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;

import io.shopgraph.catalog.api.ProductVariantView;
import io.shopgraph.digital.api.DigitalViews.DigitalDeliveryView;
import io.shopgraph.digital.api.DigitalViews.DigitalFileView;
import io.shopgraph.digital.api.DigitalViews.LicenseKeyPoolView;
import io.shopgraph.digital.application.DigitalReads;
import io.shopgraph.orders.api.OrderViews.OrderView;
import io.shopgraph.platform.security.Scope;
import io.shopgraph.platform.security.StoreAccess;

/** Digital goods' extensions of Order (the delivery, for whoever may read the order) and ProductVariant (merchants), batched. */
@GraphQLApi
public class DigitalFields {

    private final DigitalReads reads;
    private final StoreAccess access;

    DigitalFields(DigitalReads reads, StoreAccess access) {
        this.reads = reads;
        this.access = access;
    }

    /**
     * Whoever may read the order (its guest token, its customer, the merchant with read_orders) sees its delivery:
     * the links and keys are what the buyer paid for.
     */
    @Description("What the order's DIGITAL lines delivered once it was paid (download links, license keys); null before, "
            + "and for orders without DIGITAL lines.")
    public List<DigitalDeliveryView> digitalDelivery(@Source List<OrderView> orders) {
        Map<UUID, DigitalDeliveryView> found = reads.deliveries(orders.stream().map(OrderView::uuid).distinct().toList());
        return orders.stream().map(o -> found.get(o.uuid())).toList();
    }

    @Description("Merchant: the variant's downloadable files, oldest first; needs read_products. Null for storefronts.")
    public List<List<@NonNull DigitalFileView>> digitalFiles(@Source List<ProductVariantView> variants) {
        if (!merchant()) {
            return Collections.nCopies(variants.size(), null);
        }
        Map<UUID, List<DigitalFileView>> found = reads.files(variants.stream().map(ProductVariantView::uuid).distinct().toList());
        return variants.stream().map(v -> found.getOrDefault(v.uuid(), List.of())).toList();
    }

    @Description("Merchant: the variant's license keys (available, handed out, awaited); null for storefronts and for variants "
            + "without keys. Needs read_products.")
    public List<LicenseKeyPoolView> licenseKeyPool(@Source List<ProductVariantView> variants) {
        if (!merchant()) {
            return Collections.nCopies(variants.size(), null);
        }
        Map<UUID, LicenseKeyPoolView> found = reads.pools(variants.stream().map(ProductVariantView::uuid).distinct().toList());
        return variants.stream().map(v -> found.get(v.uuid())).toList();
    }

    private boolean merchant() {
        return access.merchant().filter(g -> g.allows(Scope.READ_PRODUCTS)).isPresent();
    }
}
