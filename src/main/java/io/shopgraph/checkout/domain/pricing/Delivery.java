package io.shopgraph.checkout.domain.pricing;

/** The delivery option chosen for the cart, as pricing needs it. {@code taxable}: its zone taxes shipping. */
public record Delivery(String handle, String title, long priceMinor, boolean taxable) {

    public Delivery {
        if (priceMinor < 0) {
            throw new IllegalArgumentException("negative delivery price");
        }
    }
}
