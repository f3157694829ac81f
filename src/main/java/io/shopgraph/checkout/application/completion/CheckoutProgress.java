package io.shopgraph.checkout.application.completion;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.shopgraph.cart.api.CartApi;
import io.shopgraph.cart.api.CartViews.CartAddressView;
import io.shopgraph.cart.api.CartViews.CartView;
import io.shopgraph.checkout.api.events.CheckoutStarted;
import io.shopgraph.checkout.api.events.CheckoutStepCompleted;
import io.shopgraph.platform.events.DomainEvent;
import io.shopgraph.platform.events.EventPublisher;

/**
 * The checkout's steps as analytics sees them. A cart has one checkout (its id is the cart's): it starts with the
 * first checkout step a shopper takes, and the steps are 1 SHIPPING_ADDRESS, 2 DELIVERY_OPTION, 3 ORDER_PLACED. A
 * cart with nothing to ship completes steps 1 and 2 when its order is placed. Each step is published in the
 * transaction of the change it records; a repeated step publishes again and analytics keeps the first
 * (its facts are keyed by checkout and step).
 */
@ApplicationScoped
public class CheckoutProgress {

    static final int ADDRESS = 1;
    static final int DELIVERY = 2;
    static final int PLACED = 3;

    private final CartApi carts;
    private final EventPublisher events;

    CheckoutProgress(CartApi carts, EventPublisher events) {
        this.carts = carts;
        this.events = events;
    }

    /** Sets the cart's shipping address (null removes it, and is no step). */
    @Transactional
    public Optional<CartView> shippingAddress(String cartId, CartAddressView address) {
        Optional<CartView> cart = carts.replaceShippingAddress(cartId, address);
        if (address != null) {
            cart.ifPresent(c -> publish(c, ADDRESS, "SHIPPING_ADDRESS"));
        }
        return cart;
    }

    /** Chooses the cart's delivery option (checkout validated the handle). */
    @Transactional
    public Optional<CartView> deliveryOption(String cartId, String handle) {
        Optional<CartView> cart = carts.selectDeliveryOption(cartId, handle);
        cart.ifPresent(c -> publish(c, DELIVERY, "DELIVERY_OPTION"));
        return cart;
    }

    /** The cart became an order: called inside the order's transaction. */
    void placed(CartView cart) {
        Instant now = Instant.now();
        List<DomainEvent> steps = new ArrayList<>();
        steps.add(new CheckoutStarted(cart.uuid(), cart.uuid(), cart.sessionId(), now));
        if (!cart.requiresShipping()) {
            steps.add(step(cart, ADDRESS, "SHIPPING_ADDRESS", now));
            steps.add(step(cart, DELIVERY, "DELIVERY_OPTION", now));
        }
        steps.add(step(cart, PLACED, "ORDER_PLACED", now));
        events.publishAll(steps);
    }

    private void publish(CartView cart, int index, String name) {
        Instant now = Instant.now();
        events.publishAll(List.of(new CheckoutStarted(cart.uuid(), cart.uuid(), cart.sessionId(), now), step(cart, index, name, now)));
    }

    private static CheckoutStepCompleted step(CartView cart, int index, String name, Instant at) {
        return new CheckoutStepCompleted(cart.uuid(), cart.uuid(), cart.sessionId(), index, name, at);
    }
}
