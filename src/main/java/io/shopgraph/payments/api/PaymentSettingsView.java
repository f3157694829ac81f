package io.shopgraph.payments.api;

/** The current store's provider; {@code publishableKey} is public (Stripe.js needs it), never a secret. */
public record PaymentSettingsView(PaymentProvider provider, String publishableKey) {
}
