package io.shopgraph.digital.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.shopgraph.platform.errors.DomainException;

class DigitalRulesTest {

    @Test
    void fileNamesAreTrimmedAndNeverPaths() {
        assertThat(DigitalRules.fileName("  book.pdf ")).isEqualTo("book.pdf");
        for (String bad : List.of("", "   ", "a/b.pdf", "..\\x", "..", "a\nb", "x".repeat(256))) {
            assertThatThrownBy(() -> DigitalRules.fileName(bad)).isInstanceOf(DomainException.class)
                    .extracting(e -> ((DomainException) e).code()).isEqualTo(DigitalErrorCode.INVALID_FILE_NAME);
        }
    }

    @Test
    void contentTypesComeFromTheAllowlistWithoutParameters() {
        assertThat(DigitalRules.contentType("Application/PDF; charset=x", List.of("application/pdf"))).isEqualTo("application/pdf");
        assertThatThrownBy(() -> DigitalRules.contentType("text/html", List.of("application/pdf")))
                .extracting(e -> ((DomainException) e).code()).isEqualTo(DigitalErrorCode.CONTENT_TYPE_NOT_ALLOWED);
    }

    @Test
    void sizesAreBounded() {
        assertThat(DigitalRules.byteSize(10, 10)).isEqualTo(10);
        assertThatThrownBy(() -> DigitalRules.byteSize(0, 10)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> DigitalRules.byteSize(11, 10)).isInstanceOf(DomainException.class);
    }

    @Test
    void keysAreTrimmedDeduplicatedAndBounded() {
        assertThat(DigitalRules.keys(List.of(" A ", "B", "A"), 10)).containsExactly("A", "B");
        assertThatThrownBy(() -> DigitalRules.keys(List.of(), 10)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> DigitalRules.keys(List.of("a", "b", "c"), 2)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> DigitalRules.keys(List.of("ok", " "), 10)).extracting(e -> ((DomainException) e).field())
                .isEqualTo(List.of("keys", "1"));
        assertThatThrownBy(() -> DigitalRules.keys(List.of("k".repeat(501)), 10)).isInstanceOf(DomainException.class);
    }

    @Test
    void extensionsAddSomethingWithinBounds() {
        DigitalRules.extension(1, 0);
        DigitalRules.extension(0, 1);
        for (int[] bad : new int[][] { { 0, 0 }, { -1, 5 }, { 1001, 0 }, { 0, 3651 } }) {
            assertThatThrownBy(() -> DigitalRules.extension(bad[0], bad[1])).extracting(e -> ((DomainException) e).code())
                    .isEqualTo(DigitalErrorCode.INVALID_EXTENSION);
        }
    }

    @Test
    void contentDispositionCannotBeInjected() {
        String header = DigitalRules.contentDisposition("a\"; filename=evil.exe\u00e9%.pdf");
        assertThat(header).startsWith("attachment; filename=\"a__ filename=evil.exe__.pdf\"; filename*=UTF-8''")
                .endsWith("a%22%3B%20filename%3Devil.exe%C3%A9%25.pdf").doesNotContain("\r").doesNotContain("\n");
    }

    @Test
    void linkTokensAreSignedPerGrantAndSalt() {
        UUID grant = UUID.randomUUID();
        String token = LinkTokens.token("secret-secret-secret-secret-secret", grant, "salt");
        assertThat(LinkTokens.wellFormed(token)).isTrue();
        assertThat(token).isEqualTo(LinkTokens.token("secret-secret-secret-secret-secret", grant, "salt"))
                .isNotEqualTo(LinkTokens.token("secret-secret-secret-secret-secret", grant, "salt2"))
                .isNotEqualTo(LinkTokens.token("another-secret-another-secret-xx", grant, "salt"))
                .isNotEqualTo(LinkTokens.token("secret-secret-secret-secret-secret", UUID.randomUUID(), "salt"));
        assertThat(LinkTokens.wellFormed("sgdl_short")).isFalse();
        assertThat(LinkTokens.wellFormed("sgdl_" + "%".repeat(43))).isFalse();
    }
}
