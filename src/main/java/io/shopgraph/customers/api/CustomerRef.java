package io.shopgraph.customers.api;

import java.util.UUID;

/** A customer as other modules may know it: its id and email (e.g. to attach a cart and give it contact details). */
public record CustomerRef(UUID id, String email) {
}
