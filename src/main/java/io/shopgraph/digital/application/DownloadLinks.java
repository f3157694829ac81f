package io.shopgraph.digital.application;

import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.shopgraph.digital.domain.LinkTokens;
import io.shopgraph.platform.security.OpaqueTokens;

/** Signs download links with the configured secret, and shows a grant's link again from its salt. */
@ApplicationScoped
public class DownloadLinks {

    private static final Logger LOG = Logger.getLogger(DownloadLinks.class);

    private final Optional<String> secret;
    private final String base;

    DownloadLinks(DigitalConfig config) {
        this.secret = config.links().secret().filter(s -> !s.isBlank());
        this.base = config.links().baseUrl().map(u -> u.endsWith("/") ? u.substring(0, u.length() - 1) : u).orElse("");
    }

    void warn(@jakarta.enterprise.event.Observes StartupEvent start) {
        if (secret.isEmpty()) {
            LOG.warn("shopgraph.digital.links.secret is not set: paid digital orders get their downloads but no links until it is");
        } else if (secret.get().length() < 32) {
            LOG.warn("shopgraph.digital.links.secret is shorter than 32 characters");
        }
    }

    public boolean configured() {
        return secret.isPresent();
    }

    /** An upload URL of this service for a staged upload's token. */
    public String uploadUrl(String token) {
        return base + "/uploads/" + token;
    }

    /** A new salt for a grant. */
    public static String newSalt() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(OpaqueTokens.randomBytes(18));
    }

    /**
     * The hash to store for a grant with this salt: of its signed token when links are configured, else of a random
     * token nobody knows (the grant then has no working link until the merchant resends it once configured).
     */
    public String tokenHash(UUID grantId, String salt) {
        return OpaqueTokens.hash(secret.map(s -> LinkTokens.token(s, grantId, salt)).orElseGet(() -> OpaqueTokens.newToken(LinkTokens.PREFIX)));
    }

    /** The grant's link, when this service can sign it and the stored hash is of this very token (not an older secret's). */
    public Optional<String> url(UUID grantId, String salt, String storedHash) {
        return secret.map(s -> LinkTokens.token(s, grantId, salt)).filter(t -> OpaqueTokens.hash(t).equals(storedHash))
                .map(t -> base + "/downloads/" + t);
    }
}
