package io.shopgraph.cart.application;

import io.shopgraph.platform.security.OpaqueTokens;

/** Session tokens: 256 random bits, shown once; only their SHA-256 is stored (the platform's opaque tokens). */
final class SessionTokens {

    static final String PREFIX = "sgss_";

    private SessionTokens() {
    }

    static String newToken() {
        return OpaqueTokens.newToken(PREFIX);
    }

    static String hash(String token) {
        return OpaqueTokens.hash(token);
    }
}
