package io.shopgraph.digital.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Download-link tokens: {@code sgdl_} + HMAC-SHA256(secret, grant id + ":" + salt) in URL-safe base64. The token
 * is never stored, only its SHA-256 (platform OpaqueTokens.hash); the grant keeps its random salt, so the order
 * can show its link again, and a resend draws a new salt, which changes the token and kills the old one.
 */
public final class LinkTokens {

    public static final String PREFIX = "sgdl_";

    private LinkTokens() {
    }

    public static String token(String secret, UUID grantId, String salt) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((grantId + ":" + salt).getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is always available", e);
        }
    }

    /** Whether the text can be a token at all (checked before any lookup): the prefix and 43 base64url characters. */
    public static boolean wellFormed(String text) {
        return text != null && text.length() == PREFIX.length() + 43 && text.startsWith(PREFIX)
                && text.substring(PREFIX.length()).chars().allMatch(c -> Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '_');
    }
}
