package io.shopgraph.catalog.graphql;

import java.util.List;
import java.util.Objects;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import io.shopgraph.catalog.api.ImageView;
import io.shopgraph.catalog.api.ProductVariantView;
import io.shopgraph.catalog.api.ProductView;
import io.shopgraph.catalog.application.product.MediaCommands.MediaRemoval;
import io.shopgraph.catalog.application.product.MediaCommands.MediaResult;
import io.shopgraph.catalog.application.product.MediaCommands;
import io.shopgraph.platform.graphql.MutationSupport;
import io.shopgraph.platform.kernel.GlobalId;
import io.shopgraph.platform.security.MerchantOperation;
import io.shopgraph.platform.security.Scope;

/** Merchant mutations on an existing product's media; the image at position 0 is the featured image. */
@GraphQLApi
public class MediaMutations {

    private final MediaCommands media;

    MediaMutations(MediaCommands media) {
        this.media = media;
    }

    @Mutation("productMediaAdd")
    @MerchantOperation(Scope.WRITE_PRODUCTS)
    @NonNull
    @Description("Merchant: appends images to a product (at most 50 in all), all or nothing. Needs write_products.")
    public ProductMediaPayload productMediaAdd(
            @NonNull @Id @Name("productId") @Description("The product's global id.") String productId,
            @NonNull @Name("media") @Description("The images to append, in order.") List<@NonNull ProductMediaAddInput> input) {
        return MutationSupport.run(() -> {
            MediaResult result = media.add(VariantMutations.id(productId, ProductView.TYPE), input.stream().filter(Objects::nonNull)
                    .map(m -> new MediaCommands.NewMedia(m.url(), m.alt(), m.width(), m.height(),
                            m.variantId() == null ? null : VariantMutations.id(m.variantId(), ProductVariantView.TYPE))).toList());
            return new ProductMediaPayload(result.product(), result.media(), List.of());
        }, errors -> new ProductMediaPayload(null, null, ProductUserError.from(errors)));
    }

    @Mutation("productMediaRemove")
    @MerchantOperation(Scope.WRITE_PRODUCTS)
    @NonNull
    @Description("Merchant: removes images of a product, all or nothing; the others close up, keeping their order. "
            + "Needs write_products.")
    public ProductMediaRemovePayload productMediaRemove(
            @NonNull @Id @Name("productId") @Description("The product's global id.") String productId,
            @NonNull @Name("mediaIds") @Description("Global ids of the product's images to remove.") List<@NonNull String> mediaIds) {
        return MutationSupport.run(() -> {
            MediaRemoval result = media.remove(VariantMutations.id(productId, ProductView.TYPE),
                    mediaIds.stream().map(m -> VariantMutations.id(m, ImageView.TYPE)).toList());
            return new ProductMediaRemovePayload(result.product(),
                    result.deletedMediaIds().stream().map(m -> GlobalId.format(ImageView.TYPE, m)).toList(), List.of());
        }, errors -> new ProductMediaRemovePayload(null, null, ProductUserError.from(errors)));
    }

    @Mutation("productMediaReorder")
    @MerchantOperation(Scope.WRITE_PRODUCTS)
    @NonNull
    @Description("Merchant: moves images of a product. The moves apply one after the other, each to the list as the "
            + "previous ones left it; the image at position 0 becomes the featured image. All or nothing. Needs write_products.")
    public ProductMediaPayload productMediaReorder(
            @NonNull @Id @Name("productId") @Description("The product's global id.") String productId,
            @NonNull @Name("moves") @Description("The moves, applied in order (at most 250).") List<@NonNull ProductMediaMoveInput> moves) {
        return MutationSupport.run(() -> {
            MediaResult result = media.reorder(VariantMutations.id(productId, ProductView.TYPE), moves.stream().filter(Objects::nonNull)
                    .map(m -> new MediaCommands.MediaMove(VariantMutations.id(m.id(), ImageView.TYPE), m.newPosition())).toList());
            return new ProductMediaPayload(result.product(), result.media(), List.of());
        }, errors -> new ProductMediaPayload(null, null, ProductUserError.from(errors)));
    }

    @Input("ProductMediaAddInput")
    @Description("An image to add to an existing product.")
    public record ProductMediaAddInput(
            @NonNull @Description("The image's http(s) URL.") String url,
            @Description("Alternative text.") String alt,
            @Description("Width in pixels.") Integer width,
            @Description("Height in pixels.") Integer height,
            @Id @Description("The global id of the product's variant this image shows.") String variantId) {
    }

    @Input("ProductMediaMoveInput")
    @Description("Moves one image to a new position.")
    public record ProductMediaMoveInput(
            @NonNull @Id @Description("The image's global id.") String id,
            @NonNull @Description("Its new 0-based position, between 0 and the number of images minus 1.") int newPosition) {
    }

    @Name("ProductMediaPayload")
    @Description("The result of productMediaAdd and productMediaReorder.")
    public record ProductMediaPayload(
            @Description("The product after the change; null when the mutation failed.") ProductView product,
            @Description("productMediaAdd: the added images; productMediaReorder: all images in their new order. Null when the mutation failed.")
            List<@NonNull ImageView> media,
            @NonNull @Description("What went wrong; empty on success.") List<@NonNull ProductUserError> userErrors) {
    }

    @Name("ProductMediaRemovePayload")
    @Description("The result of productMediaRemove.")
    public record ProductMediaRemovePayload(
            @Description("The product after the change; null when the mutation failed.") ProductView product,
            @Description("The removed images' global ids; null when the mutation failed.") List<@NonNull String> deletedMediaIds,
            @NonNull @Description("What went wrong; empty on success.") List<@NonNull ProductUserError> userErrors) {
    }
}
