/**
 * Webhooks: outgoing, signed HTTPS deliveries of domain events to partner apps and merchants'
 * endpoints. Merchants (and apps, for their own) manage subscriptions per topic; an outbox consumer
 * turns each committed event into one delivery per matching subscription, and a sender posts them with
 * an HMAC-SHA256 signature, retries with backoff for up to 48 hours, refuses private targets (SSRF) at
 * registration and at every delivery, and marks a subscription failing when it keeps failing. Reads
 * other modules' event records ({@code <module>.api.events}), and the order as the orders module's api shows it for
 * the order topics; see docs/webhooks.md.
 */
@Module(name = "webhooks", allowedDependencies = { "platform", "store", "catalog", "inventory", "customers", "orders" },
        exposedPackages = "io.shopgraph.webhooks.api..")
package io.shopgraph.webhooks;

import io.shopgraph.platform.Module;
