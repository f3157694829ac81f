package io.shopgraph.catalog.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.shopgraph.platform.graphql.Node;
import io.shopgraph.platform.kernel.GlobalId;

/** A product as the API shows it. Other modules extend it with {@code @Source} batch fields. */
@Type("Product")
@Description("A product: what a shopper buys, sold through one or more variants.")
public record ProductView(
        @Id @NonNull @Description("The product's global id.") String id,
        @NonNull @Description("The product's name.") String title,
        @NonNull @Description("The product's unique, URL-friendly name in its store.") String handle,
        @NonNull @Description("The description as plain text.") String description,
        @NonNull @Description("The description as HTML: the merchant's HTML as cleaned by the allowlist, or else escaped from the plain text.") String descriptionHtml,
        @NonNull @Description("Who makes the product.") String vendor,
        @NonNull @Description("What kind of thing the product is.") ProductKind kind,
        @NonNull @Description("The product's tags.") List<@NonNull String> tags,
        @NonNull @Description("Where the product is in its life (storefronts only ever see ACTIVE).") ProductStatus status,
        @Description("When the product was or will be published; null when never.") Instant publishedAt,
        @NonNull @Description("When the product was created.") Instant createdAt,
        @Description("The first image of the product, if it has any.") ImageView featuredImage,
        @NonNull @Description("The lowest and highest variant prices.") ProductPriceRange priceRange,
        @NonNull @Description("The product's options (at most 3), e.g. Size and Colour, in order.") List<@NonNull ProductOptionView> options,
        // Kept by inventory through CatalogApi.productAvailabilityChanged in every stock-changing transaction.
        @NonNull @Description("Whether at least one of the product's variants can be bought: untracked, in stock, or sold on backorder.") boolean availableForSale,
        // Not in the schema: the locale the texts were read in (null = base texts), so nested batch fields
        // (collections, ...) read theirs in the same locale. See catalog.application.CatalogLocale.
        @Ignore String locale)
        implements Node {

    public static final String TYPE = "Product";

    /** The product's uuid. */
    public UUID uuid() {
        return GlobalId.parse(id, TYPE).orElseThrow();
    }
}
