package io.shopgraph.catalog.graphql;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;

import io.shopgraph.catalog.api.ProductView;
import io.shopgraph.catalog.application.read.ProductSeoReads;
import io.shopgraph.catalog.application.read.SeoView;

/** Page content of a product beyond its listing fields; one statement per level. */
@GraphQLApi
public class ProductContentFields {

    private final ProductSeoReads seo;

    ProductContentFields(ProductSeoReads seo) {
        this.seo = seo;
    }

    @NonNull
    @Description("The title and description for search engines, as the merchant set them (productCreate/productUpdate seoTitle, seoDescription).")
    public List<@NonNull SeoView> seo(@Source List<ProductView> products) {
        Map<UUID, SeoView> found = seo.seo(products.stream().map(ProductView::uuid).distinct().toList());
        return products.stream().map(p -> found.getOrDefault(p.uuid(), new SeoView(null, null))).toList();
    }
}
