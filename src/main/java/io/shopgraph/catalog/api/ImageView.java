package io.shopgraph.catalog.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("Image")
@Description("An image of a product, in display order.")
public record ImageView(
        @Id @NonNull @Description("The image's global id.") String id,
        @NonNull @Description("Where the image is served from.") String url,
        @Description("Alternative text for people who cannot see the image.") String altText,
        @Description("The width in pixels, when known.") Integer width,
        @Description("The height in pixels, when known.") Integer height) {

    public static final String TYPE = "ProductImage";
}
