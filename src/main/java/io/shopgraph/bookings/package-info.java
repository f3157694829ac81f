/**
 * Bookings: time slots of SERVICE variants (start, duration, capacity) and the places orders hold in them. A
 * slot is reserved like stock: checkout reserves places in the order's transaction by one conditional update
 * per slot, and the order's releases (expiry, cancellation, refund with restock) give them back. Extends the
 * catalog's ProductVariant type with its bookable slots, shown in the store's time zone.
 */
@Module(name = "bookings", allowedDependencies = { "platform", "store", "catalog" }, exposedPackages = "io.shopgraph.bookings.api..")
package io.shopgraph.bookings;

import io.shopgraph.platform.Module;
