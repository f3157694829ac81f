package io.shopgraph.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The one token helper every module issues and looks up tokens with (no boot). */
class OpaqueTokensTest {

    @Test
    void aNewTokenIsThePrefixAnd256UrlSafeRandomBitsNeverRepeated() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String token = OpaqueTokens.newToken("shpat_");
            assertThat(token).startsWith("shpat_").hasSize("shpat_".length() + 43).matches("shpat_[A-Za-z0-9_-]{43}");
            assertThat(seen.add(token)).isTrue();
        }
    }

    @Test
    void theHashIsSha256InLowercaseHex() {
        // SHA-256("abc"), FIPS 180-2 appendix B.1
        assertThat(OpaqueTokens.hash("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(OpaqueTokens.hash("abc")).isEqualTo(OpaqueTokens.hash(new String("abc")));
        assertThat(OpaqueTokens.hash("abd")).isNotEqualTo(OpaqueTokens.hash("abc"));
    }

    @Test
    void theHintIsTheLastFourCharacters() {
        assertThat(OpaqueTokens.hint("shpat_abcdef")).isEqualTo("cdef");
        assertThat(OpaqueTokens.hint("xyz")).isEqualTo("xyz");
    }

    @Test
    void randomBytesHaveTheAskedLength() {
        assertThat(OpaqueTokens.randomBytes(16)).hasSize(16);
        assertThat(OpaqueTokens.randomBytes(16)).isNotEqualTo(OpaqueTokens.randomBytes(16));
    }
}
