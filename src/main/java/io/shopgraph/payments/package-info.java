/**
 * Payments: payment providers (Stripe through stripe-java in {@code infra/stripe}, and the manual provider
 * when a store has connected no Stripe account), each store's provider settings, payments and refunds,
 * Stripe's webhooks and the reconciler. Knows nothing of orders: a payment belongs to an opaque reference
 * (the caller's id), and changes of its status reach the caller as events from {@code api.events}.
 */
@Module(name = "payments", allowedDependencies = { "platform", "store" }, exposedPackages = "io.shopgraph.payments.api..")
package io.shopgraph.payments;

import io.shopgraph.platform.Module;
