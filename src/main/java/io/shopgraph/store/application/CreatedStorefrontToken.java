package io.shopgraph.store.application;

/** A new token with its plain value, which exists only in this answer. */
public record CreatedStorefrontToken(StorefrontAccessTokenView token, String accessToken) {
}
