/**
 * Notifications: the mails an order sends (confirmation to the customer, new-order notice to the merchant, payment
 * receipt), rendered from per-locale Qute templates when the order's event arrives through the outbox (after the
 * order committed), queued in {@code notifications.message} and sent by a background sender through the
 * {@link io.shopgraph.notifications.application.MailSender} seam (quarkus-mailer) with backoff, outside any
 * transaction. Merchants read an order's notifications and resend one; see docs/notifications.md.
 */
@Module(name = "notifications", allowedDependencies = { "platform", "store", "orders" },
        exposedPackages = "io.shopgraph.notifications.api..")
package io.shopgraph.notifications;

import io.shopgraph.platform.Module;
