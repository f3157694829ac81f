package io.shopgraph.platform.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How merchant bearer tokens are read ({@link StoreAccess}). */
@ConfigMapping(prefix = "shopgraph.merchant-tokens")
public interface MerchantTokenConfig {

    /**
     * Whether a token without an {@code azp} or {@code client_id} claim names its OIDC client in {@code sub}.
     * RFC 9068 has client-credentials tokens carry {@code client_id} and, usually, the client as {@code sub};
     * Quarkus's Docker-free dev OIDC server sets only {@code sub}. Off by default: at a real issuer a subject
     * is a person as often as a client, and only the client claims say which client a token was issued to.
     * Dev mode turns it on so the partner-app flow can be tried locally (README, docs/identity.md).
     */
    @WithDefault("false")
    boolean clientIdFromSubject();
}
