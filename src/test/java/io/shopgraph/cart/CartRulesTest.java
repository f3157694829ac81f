package io.shopgraph.cart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.shopgraph.cart.domain.Attribute;
import io.shopgraph.cart.domain.CartErrorCode;
import io.shopgraph.cart.domain.CartLimits;
import io.shopgraph.cart.domain.CartRules;
import io.shopgraph.cart.domain.SessionErrorCode;
import io.shopgraph.cart.domain.SessionRules;
import io.shopgraph.catalog.api.LineAttributeDeclaration;
import io.shopgraph.catalog.api.LineAttributeType;
import io.shopgraph.platform.errors.DomainException;

/** The cart's and the session's rules as plain Java, without the application. */
class CartRulesTest {

    static final CartLimits LIMITS = new CartLimits(3, 10, 20, 2);
    static final List<String> AT = List.of("lines", "0");

    @Test
    void quantitiesAndTotalsAreBounded() {
        CartRules.quantity(1, LIMITS, AT);
        CartRules.quantity(10, LIMITS, AT);
        assertCode(() -> CartRules.quantity(0, LIMITS, AT), CartErrorCode.INVALID_QUANTITY);
        assertCode(() -> CartRules.quantity(11, LIMITS, AT), CartErrorCode.INVALID_QUANTITY);
        CartRules.totals(3, 20, LIMITS);
        assertCode(() -> CartRules.totals(4, 4, LIMITS), CartErrorCode.TOO_MANY_LINES);
        assertCode(() -> CartRules.totals(2, 21, LIMITS), CartErrorCode.CART_QUANTITY_LIMIT);
        assertThat(CartRules.mergedQuantity(7, 6, LIMITS)).isEqualTo(10);
        assertThat(CartRules.mergedQuantity(Integer.MAX_VALUE, 1, LIMITS)).as("no overflow").isEqualTo(10);
    }

    @Test
    void lineAttributesAreCheckedAgainstDeclarationsAndSortedByKey() {
        List<LineAttributeDeclaration> declared = List.of(
                new LineAttributeDeclaration("engraving", LineAttributeType.TEXT, true, 5, List.of()),
                new LineAttributeDeclaration("size", LineAttributeType.NUMBER, false, 5, List.of()),
                new LineAttributeDeclaration("metal", LineAttributeType.CHOICE, false, 10, List.of("gold", "silver")));
        assertThat(CartRules.lineAttributes(List.of(new Attribute("size", "52.5"), new Attribute("engraving", "A&B"),
                new Attribute("note", "free text")), declared, AT)).extracting(Attribute::key).containsExactly("engraving", "note", "size");
        assertCode(() -> CartRules.lineAttributes(List.of(), declared, AT), CartErrorCode.MISSING_LINE_ATTRIBUTE);
        assertCode(() -> CartRules.lineAttributes(List.of(new Attribute("engraving", "  ")), declared, AT), CartErrorCode.MISSING_LINE_ATTRIBUTE);
        assertCode(() -> CartRules.lineAttributes(List.of(new Attribute("engraving", "too long")), declared, AT),
                CartErrorCode.INVALID_LINE_ATTRIBUTE);
        for (String bad : List.of("1e5", "12,5", "abc", "1.", ".5")) {
            assertCode(() -> CartRules.lineAttributes(List.of(new Attribute("engraving", "x"), new Attribute("size", bad)), declared, AT),
                    CartErrorCode.INVALID_LINE_ATTRIBUTE);
        }
        assertCode(() -> CartRules.lineAttributes(List.of(new Attribute("engraving", "x"), new Attribute("metal", "Gold")), declared, AT),
                CartErrorCode.INVALID_LINE_ATTRIBUTE);
        assertCode(() -> CartRules.lineAttributes(List.of(new Attribute("engraving", "x"), new Attribute("engraving", "y")), declared, AT),
                CartErrorCode.INVALID_LINE_ATTRIBUTE);
        assertCode(() -> CartRules.lineAttributes(List.of(new Attribute("engraving", "a\u001fb")), declared, AT),
                CartErrorCode.INVALID_LINE_ATTRIBUTE);
    }

    @Test
    void contactDetailsAreNormalisedOrRefused() {
        assertThat(CartRules.email(" Jane@Example.COM ", AT)).isEqualTo("jane@example.com");
        assertThat(CartRules.email("", AT)).isEmpty();
        assertThat(CartRules.email("   ", AT)).as("blank clears, never stores spaces").isEmpty();
        assertThat(CartRules.phone(" ", AT)).isEmpty();
        assertThat(CartRules.country(" ", AT)).isEmpty();
        assertThat(CartRules.email(null, AT)).isNull();
        assertCode(() -> CartRules.email("jane", AT), CartErrorCode.INVALID_EMAIL);
        assertThat(CartRules.phone("+33 (6) 12-34-56-78", AT)).isEqualTo("+33612345678");
        assertCode(() -> CartRules.phone("0612345678", AT), CartErrorCode.INVALID_PHONE);
        assertCode(() -> CartRules.country("fr", AT), CartErrorCode.INVALID_COUNTRY);
        assertCode(() -> CartRules.note("x".repeat(5001), AT), CartErrorCode.INVALID_NOTE);
        assertCode(() -> CartRules.cartAttributes(List.of(new Attribute("a", "1"), new Attribute("b", "2"), new Attribute("c", "3")),
                LIMITS, AT), CartErrorCode.INVALID_ATTRIBUTE);
    }

    @Test
    void sessionsKeepPathsHostsAndBoundedValuesOnly() {
        assertThat(SessionRules.landingPath("https://shop.example/a/b?email=x@y.z#top", AT)).isEqualTo("/a/b");
        assertThat(SessionRules.landingPath("https://shop.example", AT)).isEqualTo("/");
        assertThat(SessionRules.referrerHost("https://WWW.Google.com/search?q=jane", AT)).isEqualTo("www.google.com");
        assertThat(SessionRules.utmFromUrl("https://shop.example/?utm_source=news%20letter&x=1", "utm_source")).isEqualTo("news letter");
        assertThat(SessionRules.utmFromUrl("not a url", "utm_source")).isNull();
        for (String bad : List.of("ftp://x.example/", "javascript:alert(1)", "/relative", "https://x.example/" + "a".repeat(2048))) {
            assertCode(() -> SessionRules.landingPath(bad, AT), SessionErrorCode.INVALID_URL);
        }
        assertCode(() -> SessionRules.utm("u".repeat(129), AT), SessionErrorCode.INVALID_VALUE);
        assertCode(() -> SessionRules.locale("not a locale", AT), SessionErrorCode.INVALID_VALUE);
        assertThat(SessionRules.locale("fr-CA", AT)).isEqualTo("fr-CA");
    }

    private static void assertCode(Runnable call, Enum<?> code) {
        assertThatThrownBy(call::run).isInstanceOf(DomainException.class).extracting(e -> ((DomainException) e).code()).isEqualTo(code);
    }
}
