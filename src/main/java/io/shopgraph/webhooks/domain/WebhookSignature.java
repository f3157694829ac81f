package io.shopgraph.webhooks.domain;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signing of webhook deliveries: {@code hex(HMAC-SHA256(key = the secret's UTF-8 bytes,
 * message = timestamp + "." + body))}, sent as {@code X-ShopGraph-Signature: v1=<hex>} next to
 * {@code X-ShopGraph-Timestamp: <unix seconds>}. During a rotation's overlap window the header
 * carries one {@code v1=} per valid secret, comma-separated; a receiver accepts any match.
 */
public final class WebhookSignature {

    public static final String SIGNATURE_HEADER = "X-ShopGraph-Signature";
    public static final String TIMESTAMP_HEADER = "X-ShopGraph-Timestamp";
    public static final String SECRET_PREFIX = "whsec_";

    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignature() {
    }

    /** A new secret: 32 random bytes, URL-safe base64, with a recognisable prefix. */
    public static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return SECRET_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The signature header's value for the valid secrets, current first. */
    public static String header(long timestamp, String body, String current, String previous) {
        String value = "v1=" + sign(current, timestamp, body);
        return previous == null ? value : value + ",v1=" + sign(previous, timestamp, body);
    }

    /** The receiver's check (also the README's recipe): any v1 entry equals the expected signature. */
    public static boolean verify(String secret, String timestampHeader, String body, String signatureHeader) {
        long timestamp;
        try {
            timestamp = Long.parseLong(timestampHeader);
        } catch (NumberFormatException e) {
            return false;
        }
        byte[] expected = sign(secret, timestamp, body).getBytes(StandardCharsets.US_ASCII);
        for (String part : signatureHeader.split(",")) {
            String p = part.strip();
            if (p.startsWith("v1=") && MessageDigest.isEqual(expected, p.substring(3).getBytes(StandardCharsets.US_ASCII))) {
                return true;
            }
        }
        return false;
    }
}
