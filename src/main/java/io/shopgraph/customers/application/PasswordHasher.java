package io.shopgraph.customers.application;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import io.shopgraph.platform.security.OpaqueTokens;

/**
 * PBKDF2WithHmacSHA256 from the JDK, 16-byte salt, 256-bit hash, stored as
 * {@code pbkdf2-sha256$<iterations>$<salt>$<hash>} so the iteration count can be raised later
 * without invalidating old hashes.
 */
@ApplicationScoped
public class PasswordHasher {

    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final String PREFIX = "pbkdf2-sha256";

    private final int iterations;
    /** Verified when the email is unknown, so both answers cost the same time. */
    private final String dummyHash;

    PasswordHasher(CustomersConfig config) {
        this.iterations = config.password().iterations();
        this.dummyHash = hash("not-a-real-password-" + System.nanoTime());
    }

    public String hash(String password) {
        return hashWithIterations(password, iterations);
    }

    /** A hash at another cost (tests use production's cost where the configured one is lowered). */
    public String hashWithIterations(String password, int iterations) {
        byte[] salt = OpaqueTokens.randomBytes(16);
        byte[] hash = derive(password, salt, iterations);
        return PREFIX + "$" + iterations + "$" + Base64.getEncoder().encodeToString(salt) + "$"
                + Base64.getEncoder().encodeToString(hash);
    }

    public boolean verify(String password, String stored) {
        String[] parts = stored == null ? new String[0] : stored.split("\\$");
        if (parts.length != 4 || !parts[0].equals(PREFIX)) {
            return false;
        }
        byte[] salt = Base64.getDecoder().decode(parts[2]);
        byte[] expected = Base64.getDecoder().decode(parts[3]);
        byte[] actual = derive(password, salt, Integer.parseInt(parts[1]));
        return MessageDigest.isEqual(expected, actual);
    }

    /** Spends the time of one verification, for an unknown email; always false. */
    public boolean verifyNothing(String password) {
        verify(password, dummyHash);
        return false;
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } finally {
            spec.clearPassword();
        }
    }
}
