package io.shopgraph.catalog.application.product;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

import io.shopgraph.catalog.api.ProductView;
import io.shopgraph.platform.graphql.MoneyView;
import io.shopgraph.platform.kernel.JsonP;

/** A product as JSON with the field names and formats of the GraphQL {@code Product} type (webhook payloads). */
final class ProductJson {

    private ProductJson() {
    }

    static String of(ProductView p) {
        JsonObjectBuilder json = JsonP.createObjectBuilder()
                .add("id", p.id()).add("title", p.title()).add("handle", p.handle()).add("description", p.description())
                .add("descriptionHtml", p.descriptionHtml()).add("vendor", p.vendor()).add("kind", p.kind().name())
                .add("status", p.status().name()).add("createdAt", p.createdAt().toString())
                .add("availableForSale", p.availableForSale());
        JsonArrayBuilder tags = JsonP.createArrayBuilder();
        p.tags().forEach(tags::add);
        json.add("tags", tags);
        if (p.publishedAt() != null) {
            json.add("publishedAt", p.publishedAt().toString());
        } else {
            json.addNull("publishedAt");
        }
        json.add("priceRange", JsonP.createObjectBuilder().add("minVariantPrice", money(p.priceRange().minVariantPrice()))
                .add("maxVariantPrice", money(p.priceRange().maxVariantPrice())));
        return json.build().toString();
    }

    private static JsonObjectBuilder money(MoneyView m) {
        return JsonP.createObjectBuilder().add("amount", m.amount().stringValueForSerialization()).add("currencyCode", m.currencyCode());
    }
}
