package io.shopgraph.catalog.application.read;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;

import io.shopgraph.catalog.api.ProductVariantView;

/**
 * The storefront views of variants another module's statement already read in this request
 * ({@code CatalogApi.storefrontVariantJoin}): a cart read brings its lines' merchandise along, and the
 * {@code merchandise} field then answers from here instead of running the same read again. An id asked and not
 * found (the variant was deleted or its product is not visible) is remembered as absent, so it is not read again
 * either. Only ever filled by reads of this request's one transaction (a query's read transaction), so what it holds
 * is what a new read would find.
 */
@RequestScoped
public class StorefrontVariantMemo {

    private final Map<UUID, Optional<ProductVariantView>> known = new HashMap<>();

    synchronized void remember(Collection<UUID> asked, Map<UUID, ProductVariantView> found) {
        asked.forEach(id -> known.put(id, Optional.ofNullable(found.get(id))));
    }

    /** The views of {@code ids} when every one of them is known; empty when any must still be read. */
    synchronized Optional<Map<UUID, ProductVariantView>> all(Collection<UUID> ids) {
        Map<UUID, ProductVariantView> views = new HashMap<>();
        for (UUID id : ids) {
            Optional<ProductVariantView> view = known.get(id);
            if (view == null) {
                return Optional.empty();
            }
            view.ifPresent(v -> views.put(id, v));
        }
        return Optional.of(views);
    }
}
