package io.shopgraph.payments.application;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * AES-256-GCM for stores' Stripe secrets: {@code v<version>:<base64(12-byte nonce | ciphertext+tag)>}. The
 * associated data binds each ciphertext to its store and purpose, so a secret copied into another store's row
 * (or from the secret key into a webhook secret) does not decrypt. Older key versions still decrypt, so keys
 * rotate without downtime: set a new current version, keep the old one until the reconciler re-encrypted.
 */
@ApplicationScoped
public class SecretCipher {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, SecretKeySpec> keys = new HashMap<>();
    private final String current;

    SecretCipher(PaymentsConfig config) {
        config.encryption().keys().forEach((version, key) -> {
            byte[] bytes = Base64.getDecoder().decode(key.strip());
            if (bytes.length != 32) {
                throw new IllegalArgumentException("shopgraph.payments.encryption.keys." + version + " is not 32 bytes of base64");
            }
            keys.put(version, new SecretKeySpec(bytes, "AES"));
        });
        current = config.encryption().currentKey().orElse(null);
        if (current != null && !keys.containsKey(current)) {
            throw new IllegalArgumentException("shopgraph.payments.encryption.current-key names no configured key");
        }
    }

    /** Whether secrets can be stored at all (a current key is configured). */
    public boolean ready() {
        return current != null;
    }

    public String encrypt(String plain, String context) {
        if (!ready()) {
            throw new IllegalStateException("No payments encryption key is configured");
        }
        try {
            byte[] nonce = new byte[12];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(current), new GCMParameterSpec(128, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[nonce.length + sealed.length];
            System.arraycopy(nonce, 0, out, 0, nonce.length);
            System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
            return "v" + current + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not encrypt", e);
        }
    }

    public String decrypt(String sealed, String context) {
        int colon = sealed.indexOf(':');
        if (!sealed.startsWith("v") || colon < 2) {
            throw new IllegalStateException("Not a ciphertext of this module");
        }
        SecretKeySpec key = keys.get(sealed.substring(1, colon));
        if (key == null) {
            throw new IllegalStateException("Encrypted with key version " + sealed.substring(1, colon) + ", which is not configured");
        }
        try {
            byte[] in = Base64.getDecoder().decode(sealed.substring(colon + 1));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, in, 0, 12));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(in, 12, in.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not decrypt", e);
        }
    }

    /** Whether a ciphertext was written with an older key than the current one (the rotation pass re-encrypts it). */
    public boolean stale(String sealed) {
        return current != null && !sealed.startsWith("v" + current + ":");
    }
}
