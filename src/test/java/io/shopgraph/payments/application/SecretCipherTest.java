package io.shopgraph.payments.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** AES-GCM at rest: bound to its context, readable after a key rotation, refused when tampered. */
class SecretCipherTest {

    static final String K1 = "qTSTQ0lIdvQXQhilStEcClXN82TF+VC6wCY4YK02nds=";
    static final String K2 = "1583xYFqZpsTZ/CVRX2/BHfFQ4iw6KqO30P+9d4LApg=";

    static SecretCipher cipher(Map<String, String> keys, String current) {
        return new SecretCipher(new PaymentsConfig() {
            public Encryption encryption() {
                return new Encryption() {
                    public Map<String, String> keys() {
                        return keys;
                    }

                    public Optional<String> currentKey() {
                        return Optional.ofNullable(current);
                    }
                };
            }

            public Stripe stripe() {
                throw new UnsupportedOperationException();
            }

            public Reconciler reconciler() {
                throw new UnsupportedOperationException();
            }
        });
    }

    @Test
    void roundTripsAndHidesThePlaintext() {
        SecretCipher c = cipher(Map.of("1", K1), "1");
        String sealed = c.encrypt("sk_test_abcdef123456", "store-a");
        assertThat(sealed).startsWith("v1:").doesNotContain("sk_test");
        assertThat(c.encrypt("sk_test_abcdef123456", "store-a")).isNotEqualTo(sealed); // fresh nonce each time
        assertThat(c.decrypt(sealed, "store-a")).isEqualTo("sk_test_abcdef123456");
    }

    @Test
    void aCiphertextMovedToAnotherContextOrTamperedDoesNotDecrypt() {
        SecretCipher c = cipher(Map.of("1", K1), "1");
        String sealed = c.encrypt("whsec_secret", "store-a");
        assertThatThrownBy(() -> c.decrypt(sealed, "store-b")).isInstanceOf(IllegalStateException.class);
        char[] chars = sealed.toCharArray();
        chars[10] = chars[10] == 'A' ? 'B' : 'A';
        assertThatThrownBy(() -> c.decrypt(new String(chars), "store-a")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void keysRotate() {
        String old = cipher(Map.of("1", K1), "1").encrypt("sk_live_rotate", "ctx");
        SecretCipher rotated = cipher(Map.of("1", K1, "2", K2), "2");
        assertThat(rotated.stale(old)).isTrue();
        assertThat(rotated.decrypt(old, "ctx")).isEqualTo("sk_live_rotate");
        String resealed = rotated.encrypt(rotated.decrypt(old, "ctx"), "ctx");
        assertThat(resealed).startsWith("v2:");
        assertThat(rotated.stale(resealed)).isFalse();
        // Once key 1 is dropped, only re-encrypted secrets still open.
        SecretCipher only2 = cipher(Map.of("2", K2), "2");
        assertThat(only2.decrypt(resealed, "ctx")).isEqualTo("sk_live_rotate");
        assertThatThrownBy(() -> only2.decrypt(old, "ctx")).isInstanceOf(IllegalStateException.class);
        assertThat(cipher(Map.of(), null).ready()).isFalse();
        assertThatThrownBy(() -> cipher(Map.of("1", "dG9vc2hvcnQ="), "1")).isInstanceOf(IllegalArgumentException.class);
    }
}
