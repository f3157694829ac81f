/**
 * Digital goods: the files and license-key pools of DIGITAL variants, and the digital delivery of a paid order
 * (download grants with signed, expiring, counted links; license keys handed out once). Reacts to orders'
 * {@code OrderPaid} through the outbox; extends Order and ProductVariant in the schema; serves
 * {@code GET /downloads/{token}} and {@code PUT /uploads/{token}}. See docs/digital.md.
 */
@Module(name = "digital", allowedDependencies = { "platform", "store", "catalog", "orders" },
        exposedPackages = "io.shopgraph.digital.api..")
package io.shopgraph.digital;

import io.shopgraph.platform.Module;
