package io.shopgraph.catalog.graphql;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import io.shopgraph.catalog.api.ProductView;
import io.shopgraph.catalog.application.collection.CollectionCommands.CollectionChanges;
import io.shopgraph.catalog.application.collection.CollectionCommands.Move;
import io.shopgraph.catalog.application.collection.CollectionCommands;
import io.shopgraph.catalog.application.read.CollectionView;
import io.shopgraph.catalog.domain.ProductErrorCode;
import io.shopgraph.platform.errors.DomainException;
import io.shopgraph.platform.graphql.MutationSupport;
import io.shopgraph.platform.kernel.GlobalId;
import io.shopgraph.platform.security.MerchantOperation;
import io.shopgraph.platform.security.Scope;

/** Merchants create, change and delete collections, and choose their products and the order of them. */
@GraphQLApi
public class CollectionMutations {

    static final int MAX_MOVES = 250;

    private final CollectionCommands collections;

    CollectionMutations(CollectionCommands collections) {
        this.collections = collections;
    }

    @Mutation("collectionCreate")
    @MerchantOperation(Scope.WRITE_PRODUCTS)
    @NonNull
    @Description("Merchant: creates an empty collection. Needs write_products.")
    public CollectionPayload collectionCreate(@NonNull @Name("input") @Description("The collection to create.") CollectionCreateInput input) {
        return MutationSupport.run(() -> new CollectionPayload(collections.create(input.title(), input.handle(), input.description(),
                input.imageUrl(), input.imageAlt()), List.of()), errors -> new CollectionPayload(null, ProductUserError.from(errors)));
    }

    @Mutation("collectionAddProducts")
    @MerchantOperation(Scope.WRITE_PRODUCTS)
    @NonNull
    @Description("Merchant: appends products to a collection in the given order; products already in it keep their place. "
            + "All or nothing. Needs write_products.")
    public CollectionPayload collectionAddProducts(
            @NonNull @Id @Name("id") @Description("The collection's global id.") String id,
            @NonNull @Name("productIds") @Description("Product global ids, at most 250.") List<@NonNull String> productIds) {
        return MutationSupport.run(() -> {
            UUID collection = GlobalId.parse(id, CollectionView.TYPE).orElseThrow(() -> new DomainException(
                    ProductErrorCode.NOT_FOUND, List.of("id"), "No collection has this id."));
            if (productIds.size() > 250) {
                throw new DomainException(ProductErrorCode.INVALID_VALUE, List.of("productIds"), "At most 250 products at a time.");
            }
            List<UUID> ids = productIds.stream().map(p -> GlobalId.parse(p, ProductView.TYPE).orElseThrow(() -> new DomainException(
                    ProductErrorCode.NOT_FOUND, List.of("productIds"), "Some products do not exist in this store."))).toList();
            return new CollectionPayload(collections.addProducts(collection, ids), List.of());
        }, errors -> new CollectionPayload(null, ProductUserError.from(errors)));
    }

    @Mutation("collectionRemoveProducts")
    @MerchantOperation(Scope.WRITE_PRODUCTS)
    @NonNull
    @Description("Merchant: removes products from a collection; ids not in it are ignored. Needs write_products.")
    public CollectionPayload collectionRemoveProducts(
            @NonNull @Id @Name("id") @Description("The collection's global id.") String id,
            @NonNull @Name("productIds") @Description("Product global ids, at most 250.") List<@NonNull String> productIds) {
        return MutationSupport.run(() -> {
            UUID collection = collectionId(id);
            List<UUID> ids = productIds.stream().limit(250).flatMap(p -> GlobalId.parse(p, ProductView.TYPE).stream()).toList();
            return new CollectionPayload(collections.removeProducts(collection, ids), List.of());
        }, errors -> new CollectionPayload(null, ProductUserError.from(errors)));
    }

    @Mutation("collectionDelete")
    @MerchantOperation(Scope.WRITE_PRODUCTS)
    @NonNull
    @Description("Merchant: deletes a collection (its products stay). Needs write_products.")
    public CollectionDeletePayload collectionDelete(@NonNull @Id @Name("id") @Description("The collection's global id.") String id) {
        return MutationSupport.run(() -> {
            UUID collection = collectionId(id);
            collections.delete(collection);
            return new CollectionDeletePayload(GlobalId.format(CollectionView.TYPE, collection), List.of());
        }, errors -> new CollectionDeletePayload(null, ProductUserError.from(errors)));
    }

    @Mutation("collectionUpdate")
    @MerchantOperation(Scope.WRITE_PRODUCTS)
    @NonNull
    @Description("Merchant: changes a collection's own fields; fields left out keep their value. Needs write_products.")
    public CollectionPayload collectionUpdate(
            @NonNull @Id @Name("id") @Description("The collection's global id.") String id,
            @NonNull @Name("input") @Description("The fields to change.") CollectionUpdateInput input) {
        return MutationSupport.run(() -> {
            CollectionImageInput image = input.image();
            CollectionChanges changes = new CollectionChanges(input.title(), input.handle(), input.description(),
                    image == null ? null : image.url(), image == null ? null : image.alt());
            return new CollectionPayload(collections.update(collectionId(id), changes), List.of());
        }, errors -> new CollectionPayload(null, ProductUserError.from(errors)));
    }

    @Mutation("collectionReorderProducts")
    @MerchantOperation(Scope.WRITE_PRODUCTS)
    @NonNull
    @Description("Merchant: moves products of a collection, one move after the other; each move puts its product at the "
            + "0-based position it names in the resulting order (past the end means last). Positions stay dense. "
            + "All or nothing: a product not in the collection refuses the call. Needs write_products.")
    public CollectionPayload collectionReorderProducts(
            @NonNull @Id @Name("id") @Description("The collection's global id.") String id,
            @NonNull @Name("moves") @Description("The moves, applied in order; at most 250.") List<@NonNull MoveInput> moves) {
        return MutationSupport.run(() -> {
            UUID collection = collectionId(id);
            if (moves.size() > MAX_MOVES) {
                throw new DomainException(ProductErrorCode.INVALID_VALUE, List.of("moves"), "At most " + MAX_MOVES + " moves at a time.");
            }
            List<Move> parsed = new ArrayList<>(moves.size());
            for (int i = 0; i < moves.size(); i++) {
                MoveInput move = moves.get(i);
                UUID product = GlobalId.parse(move.productId(), ProductView.TYPE).orElseThrow(notInCollection(i));
                parsed.add(new Move(product, move.newPosition()));
            }
            return new CollectionPayload(collections.reorderProducts(collection, parsed), List.of());
        }, errors -> new CollectionPayload(null, ProductUserError.from(errors)));
    }

    private static java.util.function.Supplier<DomainException> notInCollection(int index) {
        return () -> new DomainException(ProductErrorCode.NOT_FOUND, List.of("moves", String.valueOf(index), "productId"),
                "This product is not in the collection.");
    }

    private static UUID collectionId(String id) {
        return GlobalId.parse(id, CollectionView.TYPE).orElseThrow(() -> new DomainException(ProductErrorCode.NOT_FOUND,
                List.of("id"), "No collection has this id."));
    }

    @Input("CollectionUpdateInput")
    @Description("Collection fields to change; the ones left out keep their value.")
    public record CollectionUpdateInput(
            @Description("The name, 1 to 255 characters.") String title,
            @Description("The handle, unique among the store's collections.") String handle,
            @Description("The description as plain text.") String description,
            @Description("The image; replaces the current image's URL and alternative text together.") CollectionImageInput image) {
    }

    @Input("CollectionImageInput")
    @Description("A collection's image.")
    public record CollectionImageInput(
            @Description("The image's http(s) URL; may be left out to change only the alternative text of the current image.") String url,
            @Description("Alternative text.") String alt) {
    }

    @Input("MoveInput")
    @Description("Where to move one product of a collection.")
    public record MoveInput(
            @NonNull @Id @Description("The product's global id.") String productId,
            @NonNull @Description("Its 0-based position in the resulting order; past the end means last.") Integer newPosition) {
    }

    @Input("CollectionCreateInput")
    @Description("A collection to create.")
    public record CollectionCreateInput(
            @NonNull @Description("The name.") String title,
            @Description("The handle; made from the title when left out.") String handle,
            @Description("The description as plain text.") String description,
            @Description("The image's http(s) URL.") String imageUrl,
            @Description("The image's alternative text.") String imageAlt) {
    }

    @Name("CollectionDeletePayload")
    @Description("The result of collectionDelete.")
    public record CollectionDeletePayload(
            @Id @Description("The deleted collection's global id; null when the mutation failed.") String deletedCollectionId,
            @NonNull @Description("What went wrong; empty on success.") List<@NonNull ProductUserError> userErrors) {
    }

    @Name("CollectionPayload")
    @Description("The result of a collection mutation.")
    public record CollectionPayload(
            @Description("The collection; null when the mutation failed.") CollectionView collection,
            @NonNull @Description("What went wrong; empty on success.") List<@NonNull ProductUserError> userErrors) {
    }
}
