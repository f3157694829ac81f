package io.shopgraph.catalog.application.product;

import static io.shopgraph.catalog.domain.CatalogRules.append;
import static io.shopgraph.catalog.domain.CatalogRules.error;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Sort;
import io.shopgraph.catalog.api.ImageView;
import io.shopgraph.catalog.api.ProductView;
import io.shopgraph.catalog.application.read.CatalogReads;
import io.shopgraph.catalog.domain.CatalogRules;
import io.shopgraph.catalog.domain.Product;
import io.shopgraph.catalog.domain.ProductDrafts;
import io.shopgraph.catalog.domain.ProductErrorCode;
import io.shopgraph.catalog.domain.ProductMedia;
import io.shopgraph.catalog.domain.ProductMediaRepository;
import io.shopgraph.catalog.domain.ProductRepository;
import io.shopgraph.catalog.domain.ProductVariantRepository;
import io.shopgraph.platform.kernel.GlobalId;
import io.shopgraph.platform.kernel.Ids;

/**
 * Adding, removing and reordering the media of an existing product. Positions stay 0..n-1 after every
 * call, and the product's featured image is always the one at position 0. All or nothing per call.
 */
@ApplicationScoped
public class MediaCommands {

    /** An image to add; {@code variantId}, when given, must be a variant of the same product. */
    public record NewMedia(String url, String alt, Integer width, Integer height, UUID variantId) {
    }

    /** Moves the media item {@code id} to {@code newPosition} (0-based) in the list as it is at that point. */
    public record MediaMove(UUID id, int newPosition) {
    }

    /** The product after the change, and the media the call added (or, for a reorder, all media in their new order). */
    public record MediaResult(ProductView product, List<ImageView> media) {
    }

    /** The product after the removal, and the removed media's ids. */
    public record MediaRemoval(ProductView product, List<UUID> deletedMediaIds) {
    }

    private final ProductRepository products;
    private final ProductVariantRepository variants;
    private final ProductMediaRepository media;
    private final CatalogReads reads;

    MediaCommands(ProductRepository products, ProductVariantRepository variants, ProductMediaRepository media, CatalogReads reads) {
        this.products = products;
        this.variants = variants;
        this.media = media;
        this.reads = reads;
    }

    /** Appends images after the product's current ones, in input order. */
    @Transactional
    public MediaResult add(UUID productId, List<NewMedia> items) {
        Product product = product(productId);
        List<ProductMedia> current = current(productId);
        if (items.isEmpty()) {
            throw error(ProductErrorCode.INVALID_VALUE, List.of("media"), "Send at least one media item.");
        }
        if (current.size() + items.size() > ProductDrafts.MAX_MEDIA) {
            throw error(ProductErrorCode.TOO_MANY_MEDIA, List.of("media"),
                    "A product has at most " + ProductDrafts.MAX_MEDIA + " media; it has " + current.size() + ".");
        }
        Set<UUID> variantIds = new LinkedHashSet<>();
        variants.list("productId", productId).forEach(v -> variantIds.add(v.id));
        List<ImageView> added = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            NewMedia m = items.get(i);
            List<String> field = List.of("media", String.valueOf(i));
            String url = CatalogRules.mediaUrl(m.url(), m.width(), m.height(), field);
            if (m.variantId() != null && !variantIds.contains(m.variantId())) {
                throw error(ProductErrorCode.NOT_FOUND, append(field, "variantId"), "The product has no variant with this id.");
            }
            ProductMedia item = new ProductMedia();
            item.id = Ids.newId();
            item.productId = productId;
            item.variantId = m.variantId();
            item.url = url;
            item.alt = m.alt();
            item.width = m.width();
            item.height = m.height();
            item.position = current.size() + i;
            media.persist(item);
            added.add(view(item));
        }
        return result(product, added);
    }

    /** Removes media of the product; an id that is not one of its media refuses the whole call. */
    @Transactional
    public MediaRemoval remove(UUID productId, List<UUID> mediaIds) {
        Product product = product(productId);
        if (mediaIds.isEmpty() || mediaIds.size() > ProductDrafts.MAX_MEDIA) {
            throw error(ProductErrorCode.INVALID_VALUE, List.of("mediaIds"), "Send 1 to " + ProductDrafts.MAX_MEDIA + " ids.");
        }
        Map<UUID, ProductMedia> byId = byId(current(productId));
        for (int i = 0; i < mediaIds.size(); i++) {
            if (!byId.containsKey(mediaIds.get(i))) {
                throw error(ProductErrorCode.NOT_FOUND, List.of("mediaIds", String.valueOf(i)), "The product has no media with this id.");
            }
        }
        List<UUID> removed = List.copyOf(new LinkedHashSet<>(mediaIds));
        removed.forEach(id -> media.delete(byId.remove(id)));
        renumber(new ArrayList<>(byId.values()));
        return new MediaRemoval(result(product, List.of()).product(), removed);
    }

    /**
     * Applies the moves one after the other: each takes its item out of the list as it stands and puts
     * it back at {@code newPosition}. Returns every media item in the final order.
     */
    @Transactional
    public MediaResult reorder(UUID productId, List<MediaMove> moves) {
        Product product = product(productId);
        if (moves.isEmpty() || moves.size() > 250) {
            throw error(ProductErrorCode.INVALID_VALUE, List.of("moves"), "Send 1 to 250 moves.");
        }
        List<ProductMedia> order = current(productId);
        Map<UUID, ProductMedia> byId = byId(order);
        for (int i = 0; i < moves.size(); i++) {
            MediaMove move = moves.get(i);
            ProductMedia item = byId.get(move.id());
            if (item == null) {
                throw error(ProductErrorCode.NOT_FOUND, List.of("moves", String.valueOf(i), "id"), "The product has no media with this id.");
            }
            if (move.newPosition() < 0 || move.newPosition() >= order.size()) {
                throw error(ProductErrorCode.INVALID_VALUE, List.of("moves", String.valueOf(i), "newPosition"),
                        "A position is between 0 and " + (order.size() - 1) + ".");
            }
            order.remove(item);
            order.add(move.newPosition(), item);
        }
        renumber(order);
        return result(product, order.stream().map(MediaCommands::view).toList());
    }

    private MediaResult result(Product product, List<ImageView> items) {
        product.updatedAt = Instant.now();
        products.flush();
        return new MediaResult(reads.productsByIds(List.of(product.id), false).get(product.id), items);
    }

    /**
     * The product, locked until the transaction ends: calls on the same product's variants and media run
     * one after the other, so positions and the price range are computed from what the previous call committed.
     */
    private Product product(UUID id) {
        return products.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> error(ProductErrorCode.NOT_FOUND, List.of("productId"), "No product has this id."));
    }

    private List<ProductMedia> current(UUID productId) {
        return new ArrayList<>(media.list("productId", Sort.by("position").and("id"), productId));
    }

    private static Map<UUID, ProductMedia> byId(List<ProductMedia> items) {
        Map<UUID, ProductMedia> found = new LinkedHashMap<>();
        items.forEach(m -> found.put(m.id, m));
        return found;
    }

    private static void renumber(List<ProductMedia> order) {
        for (int i = 0; i < order.size(); i++) {
            order.get(i).position = i;
        }
    }

    private static ImageView view(ProductMedia m) {
        return new ImageView(GlobalId.format(ImageView.TYPE, m.id), m.url, m.alt, m.width, m.height);
    }
}
