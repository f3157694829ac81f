package io.shopgraph.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Opaque bearer tokens (storefront, customer, password-reset and session tokens): a type prefix and 256
 * random bits, URL-safe, shown once; only their SHA-256 hash is stored. 256 random bits make a fast hash
 * sufficient (nothing to brute-force), and a stolen table still reveals no usable token. Written once here
 * so that every module issues and looks up tokens the same way.
 */
public final class OpaqueTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private OpaqueTokens() {
    }

    /** A new token: {@code prefix} followed by 256 random bits in URL-safe base64 without padding. */
    public static String newToken(String prefix) {
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(32));
    }

    /** SHA-256 of the token's UTF-8 bytes, in lowercase hex: what the tables store and look up. */
    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /** The last four characters, shown to merchants so that they can tell their tokens apart. */
    public static String hint(String token) {
        return token.length() <= 4 ? token : token.substring(token.length() - 4);
    }

    /** Cryptographically strong random bytes (salts, secrets). */
    public static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
