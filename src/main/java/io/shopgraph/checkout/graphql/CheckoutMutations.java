package io.shopgraph.checkout.graphql;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.shopgraph.cart.api.CartViews;
import io.shopgraph.checkout.application.completion.CheckoutCompletion;
import io.shopgraph.checkout.application.completion.CheckoutCompletion.Completed;
import io.shopgraph.checkout.domain.completion.CheckoutErrorCode;
import io.shopgraph.checkout.domain.completion.CheckoutRejected;
import io.shopgraph.orders.api.OrderViews.OrderView;
import io.shopgraph.payments.api.PaymentProvider;
import io.shopgraph.payments.api.PaymentStatus;
import io.shopgraph.platform.errors.DomainException;
import io.shopgraph.platform.kernel.GlobalId;
import io.shopgraph.platform.security.StoreAccess;
import io.shopgraph.platform.security.StorefrontOperation;

/** The storefront's checkout completion. */
@GraphQLApi
public class CheckoutMutations {

    private final CheckoutCompletion completion;
    private final StoreAccess access;

    CheckoutMutations(CheckoutCompletion completion, StoreAccess access) {
        this.completion = completion;
        this.access = access;
    }

    @Type("CheckoutPayment")
    @Description("The payment the shopper completes: with Stripe, confirm clientSecret with Stripe.js and publishableKey; with the "
            + "manual provider, follow the instructions (the merchant marks the order paid).")
    public record CheckoutPayment(
            @NonNull @Description("Who moves the money.") PaymentProvider provider,
            @NonNull @Description("The payment's status.") PaymentStatus status,
            @Description("Stripe: the PaymentIntent's client secret for Stripe.js (null once nothing is left to do).") String clientSecret,
            @Description("Stripe: the store's publishable key.") String publishableKey,
            @Description("Manual provider: what the shopper should do to pay.") String instructions) {
    }

    @Type("CheckoutCompletePayload")
    @Description("The result of checkoutComplete: the placed order, the guest's order token and the payment to complete, or "
            + "userErrors and no order.")
    public record CheckoutCompletePayload(
            @Description("The placed order (PENDING_PAYMENT until paid).") OrderView order,
            @Description("The order's secret token: keep it to read the order as a guest with orderByToken.") String orderToken,
            @Description("The payment to complete; null when the provider could not be reached (then call again with the same key).")
            CheckoutPayment payment,
            @NonNull @Description("Why no order was placed; empty on success.") List<@NonNull CheckoutUserError> userErrors) {
    }

    @Mutation("checkoutComplete")
    @StorefrontOperation
    @NonNull
    @Description("Storefront: turns a cart into an order. Re-checks the cart (prices, availability, stock, contact email), reserves its "
            + "stock, places the order in PENDING_PAYMENT and starts its payment, all or nothing. The same idempotency key answers the "
            + "same order again; with another cart it is IDEMPOTENCY_KEY_MISMATCH.")
    public CheckoutCompletePayload checkoutComplete(@NonNull @Id @Name("cartId") @Description("The cart's id.") String cartId,
            @NonNull @Name("idempotencyKey") @Description("A key the client chooses per checkout attempt (1 to 255 characters), e.g. a UUID: "
                    + "send it again to retry safely.") String idempotencyKey) {
        access.requireStorefront();
        try {
            Completed done = completion.complete(cartId, idempotencyKey);
            CheckoutPayment payment = done.payment() == null ? null : new CheckoutPayment(done.payment().provider(), done.payment().status(),
                    done.payment().status() == PaymentStatus.SUCCEEDED ? null : done.payment().clientSecret(),
                    done.settings() == null ? null : done.settings().publishableKey(),
                    done.payment().provider() == PaymentProvider.MANUAL ? "Pay as the merchant instructs (e.g. bank transfer) quoting order "
                            + done.order().name() + "; the order is confirmed when the merchant receives the money." : null);
            List<CheckoutUserError> errors = payment == null ? List.of(new CheckoutUserError(CheckoutErrorCode.PAYMENT_UNAVAILABLE,
                    "The order was placed but its payment could not start; call again with the same idempotency key.", List.of(), List.of()))
                    : List.of();
            return new CheckoutCompletePayload(done.order(), done.orderToken(), payment, errors);
        } catch (CheckoutRejected e) {
            return new CheckoutCompletePayload(null, null, null, List.of(new CheckoutUserError((CheckoutErrorCode) e.code(), e.getMessage(),
                    e.field(), e.lineIds().stream().map(id -> GlobalId.format(CartViews.LINE, id)).toList())));
        } catch (DomainException e) {
            return new CheckoutCompletePayload(null, null, null, List.of(new CheckoutUserError(CheckoutErrorCode.CART_NOT_FOUND, e.getMessage(),
                    e.field(), List.of())));
        }
    }
}
