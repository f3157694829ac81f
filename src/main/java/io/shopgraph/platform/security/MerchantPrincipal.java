package io.shopgraph.platform.security;

import java.util.Optional;

/**
 * An authenticated OIDC caller on the merchant side: a person (issuer + subject) or a partner
 * app (its OIDC client id, from {@code azp} or {@code client_id}).
 */
public record MerchantPrincipal(String issuer, String subject, Optional<String> clientId) {
}
