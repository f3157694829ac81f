package io.shopgraph.catalog.application.read;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;

@Type("SEO")
@Description("What search engines should show for a page.")
public record SeoView(
        @Description("The page title; null when the merchant set none (show the product's title).") String title,
        @Description("The meta description; null when the merchant set none.") String description) {
}
