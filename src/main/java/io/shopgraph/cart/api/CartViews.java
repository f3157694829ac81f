package io.shopgraph.cart.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.shopgraph.cart.domain.CartWarningCode;

/**
 * The cart as the API shows it (its cost, discount codes and delivery options are checkout's fields on these types), and as other modules read it through {@link CartApi} (checkout prices it and
 * extends the Cart type with {@code @Source} fields). The {@code @Ignore}d components are for those readers.
 * Shopify Storefront API names and shapes where the concept is the same.
 */
public final class CartViews {

    public static final String CART = "Cart";
    public static final String LINE = "CartLine";

    private CartViews() {
    }

    @Type("Cart")
    @Description("A shopper's cart. Whoever holds its id may read and change it; ids are random and unguessable.")
    public record CartView(
            @Id @NonNull @Description("The cart's global id: keep it, it is the only key to the cart.") String id,
            @NonNull @Description("When the cart was created.") Instant createdAt,
            @NonNull @Description("When the cart last changed; it expires after the store's idle period without changes.") Instant updatedAt,
            @Description("The shopper's note to the merchant.") String note,
            @NonNull @Description("Key/value attributes of the whole cart.") List<@NonNull AttributeView> attributes,
            @NonNull @Description("Who is buying: contact details and whether a customer is attached.") CartBuyerIdentityView buyerIdentity,
            @NonNull @Description("The number of units in all lines.") int totalQuantity,
            @NonNull @Description("Whether any line must be shipped (digital goods and services need no shipping).") boolean requiresShipping,
            @Description("Where the cart ships (set with cartShippingAddressUpdate); null until set.") CartAddressView shippingAddress,
            @Ignore List<CartLineView> allLines,
            @Ignore UUID uuid,
            @Ignore String currencyCode,
            @Ignore UUID customerId,
            @Ignore UUID sessionId,
            @Ignore List<String> appliedCodes,
            @Ignore String selectedDeliveryHandle) {

        public CartView {
            appliedCodes = appliedCodes == null ? List.of() : List.copyOf(appliedCodes);
        }
    }

    @Type("CartLine")
    @Description("One line of a cart: a variant, a quantity and its attributes.")
    public record CartLineView(
            @Id @NonNull @Description("The line's global id.") String id,
            @NonNull @Description("How many units.") int quantity,
            @NonNull @Description("The line's key/value attributes (e.g. the engraving text), by key.") List<@NonNull AttributeView> attributes,
            @NonNull @Description("Whether the line must be shipped.") boolean requiresShipping,
            @Ignore UUID uuid,
            @Ignore UUID variantId,
            @Ignore long unitPriceMinor,
            @Ignore int position,
            @Ignore UUID productId,
            @Ignore UUID cartId,
            @Ignore String currencyCode,
            @Ignore UUID bookingSlotId) {
    }

    @Type("CartAddress")
    @Description("A shipping address of a cart.")
    public record CartAddressView(
            @Description("The recipient.") String name,
            @Description("Street and number.") String address1,
            @Description("The city.") String city,
            @Description("The postal code.") String zip,
            @Description("The region (ISO 3166-2 subdivision without the country, e.g. CA for California).") String regionCode,
            @NonNull @Description("The country (ISO 3166-1 alpha-2).") String countryCode) {
    }

    @Type("Attribute")
    @Description("A key/value pair.")
    public record AttributeView(
            @NonNull @Description("The key.") String key,
            @Description("The value.") String value) {
    }



    @Type("CartBuyerIdentity")
    @Description("Who is buying.")
    public record CartBuyerIdentityView(
            @Description("The contact email.") String email,
            @Description("The contact phone, E.164.") String phone,
            @Description("The buyer's country (ISO 3166-1 alpha-2).") String countryCode,
            @NonNull @Description("Whether a signed-in customer is attached to the cart.") boolean customerAttached) {
    }


    @Type("CartWarning")
    @Description("A warning about a cart line: the cart still works, but the shopper should know.")
    public record CartWarningView(
            @NonNull @Description("What it is about.") CartWarningCode code,
            @NonNull @Description("What it is about, for people.") String message,
            @Id @NonNull @Description("The line it concerns.") String target) {
    }

    @Type("CartMerge")
    @Description("What cartBuyerIdentityUpdate merged: the customer's earlier open cart, folded into this one.")
    public record CartMergeView(
            @NonNull @Description("How many lines of the earlier cart were merged (added as lines or to the quantity of an equal line).") int linesMerged,
            @NonNull @Description("The lines of this cart whose merged quantity was cut to the per-line limit.") List<@NonNull String> quantityLimitedLineIds,
            @NonNull @Description("How many lines of the earlier cart did not fit (line or unit limits of the cart).") int linesDropped) {
    }
}
