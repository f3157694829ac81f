package io.shopgraph.catalog.api.events;

import java.util.UUID;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.shopgraph.platform.events.ResourceEvent;
import io.shopgraph.platform.kernel.GlobalId;
import io.shopgraph.platform.kernel.JsonP;

/**
 * A product and its variants were deleted. Fired twice over, as one fact: as a CDI event observed
 * inside the deleting transaction (inventory drops the stock rows atomically), and through the
 * outbox after commit (webhooks and other late reactions).
 */
@RegisterForReflection
public record ProductDeleted(UUID productId) implements ResourceEvent {

    @Override
    public UUID aggregateId() {
        return productId;
    }

    @Override
    public String resourceJson() {
        return JsonP.createObjectBuilder().add("id", GlobalId.format("Product", productId)).build().toString();
    }
}
