package io.shopgraph.cart.graphql;

import java.util.List;
import java.util.Objects;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import io.shopgraph.cart.application.CartCommands.BuyerIdentity;
import io.shopgraph.cart.application.CartCommands.LineChange;
import io.shopgraph.cart.application.CartCommands.LineRequest;
import io.shopgraph.cart.domain.Attribute;

/** The cart's input types, named and shaped as in Shopify's Storefront API. */
public final class CartInputs {

    private CartInputs() {
    }

    @Input("CartInput")
    @Description("A new cart's content.")
    public record CartInput(
            @Description("The lines to start with.") List<CartLineInput> lines,
            @Description("A note to the merchant (at most 5,000 characters).") String note,
            @Description("Key/value attributes of the cart.") List<AttributeInput> attributes,
            @Description("Contact details, and a customer access token to attach the cart to a signed-in customer.") CartBuyerIdentityInput buyerIdentity) {
    }

    @Input("CartLineInput")
    @Description("A line to add to a cart.")
    public record CartLineInput(
            @NonNull @Id @Description("The ProductVariant's global id.") String merchandiseId,
            @DefaultValue("1") @Description("How many units (default 1).") Integer quantity,
            @Description("The line's attributes; the variant's lineAttributes say which it requires.") List<AttributeInput> attributes,
            @Id @Description("The chosen time slot (ProductVariant.bookingSlots) of a service variant that offers slots: required for "
                    + "those, refused for others. One place per unit.") String bookingSlotId) {

        LineRequest toRequest() {
            return new LineRequest(merchandiseId, quantity == null ? 1 : quantity, CartInputs.attributes(attributes), bookingSlotId);
        }
    }

    @Input("CartLineUpdateInput")
    @Description("A change to a cart line.")
    public record CartLineUpdateInput(
            @NonNull @Id @Description("The line's global id.") String id,
            @Description("The new quantity; 0 removes the line; left out keeps it.") Integer quantity,
            @Description("The line's new attributes (replacing them all); left out keeps them.") List<AttributeInput> attributes) {

        LineChange toChange() {
            return new LineChange(id, quantity, attributes == null ? null : CartInputs.attributes(attributes));
        }
    }

    @Input("AttributeInput")
    @Description("A key/value pair.")
    public record AttributeInput(
            @NonNull @Description("The key.") String key,
            @NonNull @Description("The value.") String value) {
    }

    @Input("CartBuyerIdentityInput")
    @Description("Who is buying. A field left out keeps its value; an empty string clears it.")
    public record CartBuyerIdentityInput(
            @Description("The contact email.") String email,
            @Description("The contact phone in E.164 form, e.g. +33612345678.") String phone,
            @Description("The buyer's country, ISO 3166-1 alpha-2.") String countryCode,
            @Description("A signed-in customer's access token: attaches the cart to the customer and merges the customer's other open cart into it.") String customerAccessToken) {

        BuyerIdentity toIdentity() {
            return new BuyerIdentity(email, phone, countryCode, customerAccessToken);
        }
    }

    static List<Attribute> attributes(List<AttributeInput> inputs) {
        return inputs == null ? List.of()
                : inputs.stream().filter(Objects::nonNull).map(a -> new Attribute(a.key(), a.value())).toList();
    }
}
