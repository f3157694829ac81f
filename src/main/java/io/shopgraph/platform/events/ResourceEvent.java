package io.shopgraph.platform.events;

/**
 * An event that carries the resource it is about as the API shows it: outgoing webhooks send
 * {@link #resourceJson()} as their payload's {@code data}, so the publishing module renders it once,
 * in the transaction of the change, with the field names of its GraphQL type.
 */
public interface ResourceEvent extends DomainEvent {

    /** The resource as a JSON object in the API's own shape (at least its global {@code id}). */
    String resourceJson();
}
