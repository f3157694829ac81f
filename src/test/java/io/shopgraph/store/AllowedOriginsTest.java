package io.shopgraph.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.shopgraph.store.domain.AllowedOrigins;
import io.shopgraph.store.domain.AllowedOrigins.InvalidOrigin;

class AllowedOriginsTest {

    @Test
    void entriesAreNormalised() {
        AllowedOrigins origins = AllowedOrigins.parse(List.of(" HTTPS://Shop.Example.com:443 ", "http://localhost:3000",
                "https://*.Example.org", "https://shop.example.com"));
        assertThat(origins.patterns()).containsExactly("https://shop.example.com", "http://localhost:3000", "https://*.example.org");
    }

    @Test
    void exactOriginsMatchSchemeHostAndPort() {
        AllowedOrigins origins = AllowedOrigins.parse(List.of("https://shop.example.com", "http://localhost:3000"));
        assertThat(origins.admits(Optional.of("https://shop.example.com"))).isTrue();
        assertThat(origins.admits(Optional.of("HTTPS://SHOP.EXAMPLE.COM"))).isTrue();
        assertThat(origins.admits(Optional.of("http://localhost:3000"))).isTrue();
        assertThat(origins.admits(Optional.of("http://shop.example.com"))).as("other scheme").isFalse();
        assertThat(origins.admits(Optional.of("https://shop.example.com:8443"))).as("other port").isFalse();
        assertThat(origins.admits(Optional.of("http://localhost:3001"))).isFalse();
        assertThat(origins.admits(Optional.of("https://shop.example.com.evil.net"))).isFalse();
        assertThat(origins.admits(Optional.of("null"))).as("sandboxed pages send null").isFalse();
    }

    @Test
    void aWildcardCoversSubDomainsOnly() {
        AllowedOrigins origins = AllowedOrigins.parse(List.of("https://*.example.com"));
        assertThat(origins.admits(Optional.of("https://shop.example.com"))).isTrue();
        assertThat(origins.admits(Optional.of("https://eu.shop.example.com"))).isTrue();
        assertThat(origins.admits(Optional.of("https://example.com"))).isFalse();
        assertThat(origins.admits(Optional.of("https://evilexample.com"))).isFalse();
        assertThat(origins.admits(Optional.of("https://.example.com"))).isFalse();
        assertThat(origins.admits(Optional.of("http://shop.example.com"))).isFalse();
        assertThat(origins.admits(Optional.of("https://shop.example.com:8443"))).isFalse();
        assertThat(origins.admits(Optional.of("https://a/b.example.com"))).isFalse();
    }

    @Test
    void noRestrictionAdmitsEveryOriginAndRequestsWithoutOriginAreNotBrowserPages() {
        assertThat(AllowedOrigins.ANY.admits(Optional.of("https://anything.example"))).isTrue();
        AllowedOrigins origins = AllowedOrigins.parse(List.of("https://shop.example.com"));
        assertThat(origins.admits(Optional.empty())).isTrue();
        assertThat(origins.restricted()).isTrue();
        assertThat(AllowedOrigins.parse(List.of()).restricted()).isFalse();
    }

    @Test
    void entriesThatAreNotOriginsAreRefusedWithTheirPosition() {
        for (String bad : List.of("", "shop.example.com", "ftp://shop.example.com", "https://shop.example.com/path",
                "https://shop.example.com/", "https://user@shop.example.com", "https://shop.example.com?q", "https://*",
                "https://*.com", "https://a.*.example.com", "https://*.*.example.com", "*", "javascript:alert(1)",
                "https://" + "a".repeat(300) + ".com", "https://shop example.com")) {
            assertThatThrownBy(() -> AllowedOrigins.parse(List.of("https://ok.example.com", bad))).as(bad)
                    .isInstanceOfSatisfying(InvalidOrigin.class, e -> assertThat(e.index()).isEqualTo(1));
        }
        assertThatThrownBy(() -> AllowedOrigins.parse(Collections.nCopies(21, "https://shop.example.com")))
                .isInstanceOf(InvalidOrigin.class);
    }
}
