package io.shopgraph.cart.graphql;

import java.util.List;
import java.util.Objects;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import io.shopgraph.cart.application.CartCommands;
import io.shopgraph.cart.application.CartCommands.NewCart;
import io.shopgraph.cart.application.CartCommands.Outcome;
import io.shopgraph.cart.api.CartViews.CartMergeView;
import io.shopgraph.cart.api.CartViews.CartView;
import io.shopgraph.cart.graphql.CartInputs.AttributeInput;
import io.shopgraph.cart.graphql.CartInputs.CartBuyerIdentityInput;
import io.shopgraph.cart.graphql.CartInputs.CartInput;
import io.shopgraph.cart.graphql.CartInputs.CartLineInput;
import io.shopgraph.cart.graphql.CartInputs.CartLineUpdateInput;
import io.shopgraph.platform.errors.UserErrorDetail;
import io.shopgraph.platform.graphql.MutationSupport;
import io.shopgraph.platform.security.RequestCredentials;
import io.shopgraph.platform.security.StorefrontOperation;

/**
 * The storefront's cart mutations, named and shaped as Shopify's Storefront API's. Each is one use case
 * and one transaction; each answers the cart as it now is, or userErrors and nothing written.
 */
@GraphQLApi
public class CartMutations {

    private final CartCommands commands;
    private final RequestCredentials credentials;

    CartMutations(CartCommands commands, RequestCredentials credentials) {
        this.commands = commands;
        this.credentials = credentials;
    }

    @Mutation("cartCreate")
    @StorefrontOperation
    @NonNull
    @Description("Storefront: creates a cart in the store's currency, optionally with lines, note, attributes and buyer "
            + "identity. Keep the returned id: it is the only key to the cart. With X-Session-Token, the session records it.")
    public CartCreatePayload cartCreate(@Name("input") @Description("The cart's content; all optional.") CartInput input) {
        CartInput in = input == null ? new CartInput(null, null, null, null) : input;
        return run(CartCreatePayload::new, () -> commands.create(new NewCart(in.lines() == null ? null : in.lines().stream().filter(Objects::nonNull)
                .map(CartLineInput::toRequest).toList(), in.note(), CartInputs.attributes(in.attributes()),
                in.buyerIdentity() == null ? null : in.buyerIdentity().toIdentity()), credentials.sessionToken()));
    }

    @Mutation("cartLinesAdd")
    @StorefrontOperation
    @NonNull
    @Description("Storefront: adds lines; a line equal to one in the cart (same variant and attributes) adds to its quantity. "
            + "Line attributes are checked against the variant's declarations.")
    public CartLinesAddPayload cartLinesAdd(@NonNull @Id @Name("cartId") @Description("The cart's id.") String cartId,
            @NonNull @Name("lines") @Description("The lines to add.") List<@NonNull CartLineInput> lines) {
        return run(CartLinesAddPayload::new, () -> commands.addLines(cartId, lines.stream().filter(Objects::nonNull).map(CartLineInput::toRequest).toList(),
                credentials.sessionToken()));
    }

    @Mutation("cartLinesUpdate")
    @StorefrontOperation
    @NonNull
    @Description("Storefront: changes lines' quantities (0 removes a line) and attributes, all or nothing.")
    public CartLinesUpdatePayload cartLinesUpdate(@NonNull @Id @Name("cartId") @Description("The cart's id.") String cartId,
            @NonNull @Name("lines") @Description("The changes, one per line.") List<@NonNull CartLineUpdateInput> lines) {
        return run(CartLinesUpdatePayload::new, () -> commands.updateLines(cartId, lines.stream().filter(Objects::nonNull).map(CartLineUpdateInput::toChange).toList(),
                credentials.sessionToken()));
    }

    @Mutation("cartLinesRemove")
    @StorefrontOperation
    @NonNull
    @Description("Storefront: removes lines, all or nothing.")
    public CartLinesRemovePayload cartLinesRemove(@NonNull @Id @Name("cartId") @Description("The cart's id.") String cartId,
            @NonNull @Name("lineIds") @Description("The lines to remove.") List<@NonNull String> lineIds) {
        return run(CartLinesRemovePayload::new, () -> commands.removeLines(cartId, lineIds.stream().filter(Objects::nonNull).toList(), credentials.sessionToken()));
    }

    @Mutation("cartNoteUpdate")
    @StorefrontOperation
    @NonNull
    @Description("Storefront: replaces the cart's note (an empty note removes it).")
    public CartNoteUpdatePayload cartNoteUpdate(@NonNull @Id @Name("cartId") @Description("The cart's id.") String cartId,
            @NonNull @Name("note") @Description("The note, at most 5,000 characters.") String note) {
        return run(CartNoteUpdatePayload::new, () -> commands.updateNote(cartId, note));
    }

    @Mutation("cartAttributesUpdate")
    @StorefrontOperation
    @NonNull
    @Description("Storefront: replaces the cart's attributes with these.")
    public CartAttributesUpdatePayload cartAttributesUpdate(@NonNull @Id @Name("cartId") @Description("The cart's id.") String cartId,
            @NonNull @Name("attributes") @Description("All of the cart's attributes.") List<@NonNull AttributeInput> attributes) {
        return run(CartAttributesUpdatePayload::new, () -> commands.updateAttributes(cartId, CartInputs.attributes(attributes)));
    }

    @Mutation("cartBuyerIdentityUpdate")
    @StorefrontOperation
    @NonNull
    @Description("Storefront: sets contact details; a customer access token attaches the cart to the customer and merges "
            + "the customer's other open cart into this one (quantities added within the limits), reported in `merge`.")
    public CartBuyerIdentityUpdatePayload cartBuyerIdentityUpdate(@NonNull @Id @Name("cartId") @Description("The cart's id.") String cartId,
            @NonNull @Name("buyerIdentity") @Description("What to change.") CartBuyerIdentityInput buyerIdentity) {
        return run(CartBuyerIdentityUpdatePayload::new, () -> commands.updateBuyerIdentity(cartId, buyerIdentity.toIdentity()));
    }

    /** The payload constructor every cart mutation's payload record has. */
    interface Payload<P> {
        P make(CartView cart, CartMergeView merge, List<CartUserError> userErrors);
    }

    private static <P> P run(Payload<P> payload, java.util.function.Supplier<Outcome> useCase) {
        return MutationSupport.run(() -> {
            Outcome outcome = useCase.get();
            return payload.make(outcome.cart(), outcome.merge(), List.of());
        }, (List<UserErrorDetail> errors) -> payload.make(null, null, CartUserError.from(errors)));
    }

    @Name("CartCreatePayload")
    @Description("The result of cartCreate.")
    public record CartCreatePayload(
            @Description("The cart after the mutation; null when it failed.") CartView cart,
            @Description("What signing in merged into the cart; null when nothing was merged.") CartMergeView merge,
            @NonNull @Description("What went wrong; empty on success.") List<@NonNull CartUserError> userErrors) {
    }

    @Name("CartLinesAddPayload")
    @Description("The result of cartLinesAdd.")
    public record CartLinesAddPayload(
            @Description("The cart after the mutation; null when it failed.") CartView cart,
            @NonNull @Description("What went wrong; empty on success.") List<@NonNull CartUserError> userErrors) {

        CartLinesAddPayload(CartView cart, CartMergeView merge, List<CartUserError> userErrors) {
            this(cart, userErrors);
        }
    }

    @Name("CartLinesUpdatePayload")
    @Description("The result of cartLinesUpdate.")
    public record CartLinesUpdatePayload(
            @Description("The cart after the mutation; null when it failed.") CartView cart,
            @NonNull @Description("What went wrong; empty on success.") List<@NonNull CartUserError> userErrors) {

        CartLinesUpdatePayload(CartView cart, CartMergeView merge, List<CartUserError> userErrors) {
            this(cart, userErrors);
        }
    }

    @Name("CartLinesRemovePayload")
    @Description("The result of cartLinesRemove.")
    public record CartLinesRemovePayload(
            @Description("The cart after the mutation; null when it failed.") CartView cart,
            @NonNull @Description("What went wrong; empty on success.") List<@NonNull CartUserError> userErrors) {

        CartLinesRemovePayload(CartView cart, CartMergeView merge, List<CartUserError> userErrors) {
            this(cart, userErrors);
        }
    }

    @Name("CartNoteUpdatePayload")
    @Description("The result of cartNoteUpdate.")
    public record CartNoteUpdatePayload(
            @Description("The cart after the mutation; null when it failed.") CartView cart,
            @NonNull @Description("What went wrong; empty on success.") List<@NonNull CartUserError> userErrors) {

        CartNoteUpdatePayload(CartView cart, CartMergeView merge, List<CartUserError> userErrors) {
            this(cart, userErrors);
        }
    }

    @Name("CartAttributesUpdatePayload")
    @Description("The result of cartAttributesUpdate.")
    public record CartAttributesUpdatePayload(
            @Description("The cart after the mutation; null when it failed.") CartView cart,
            @NonNull @Description("What went wrong; empty on success.") List<@NonNull CartUserError> userErrors) {

        CartAttributesUpdatePayload(CartView cart, CartMergeView merge, List<CartUserError> userErrors) {
            this(cart, userErrors);
        }
    }

    @Name("CartBuyerIdentityUpdatePayload")
    @Description("The result of cartBuyerIdentityUpdate.")
    public record CartBuyerIdentityUpdatePayload(
            @Description("The cart after the mutation; null when it failed.") CartView cart,
            @Description("What signing in merged into the cart; null when nothing was merged.") CartMergeView merge,
            @NonNull @Description("What went wrong; empty on success.") List<@NonNull CartUserError> userErrors) {
    }
}
