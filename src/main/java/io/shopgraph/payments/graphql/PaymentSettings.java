package io.shopgraph.payments.graphql;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.shopgraph.payments.api.PaymentProvider;

@Type("PaymentSettings")
@Description("How the store takes payments; public, so that a storefront can load Stripe.js with the publishable key.")
public record PaymentSettings(
        @NonNull @Description("MANUAL when the store has connected no Stripe account, else STRIPE.") PaymentProvider provider,
        @Description("Stripe's publishable key (pk_...), null with the manual provider. Never a secret.") String publishableKey) {
}
