package io.shopgraph.notifications.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** The notification rules as plain Java: template locale choice, subjects, amounts, header safety, retry schedule. */
class NotificationRulesTest {

    @Test
    void aStoreLocaleMapsToATemplateLocaleWithEnglishAsTheFallback() {
        assertThat(MailText.locale("fr")).isEqualTo("fr");
        assertThat(MailText.locale("fr-CA")).isEqualTo("fr");
        assertThat(MailText.locale("FR_be")).isEqualTo("fr");
        assertThat(MailText.locale("en-GB")).isEqualTo("en");
        assertThat(MailText.locale("de")).isEqualTo("en");
        assertThat(MailText.locale("")).isEqualTo("en");
        assertThat(MailText.locale(null)).isEqualTo("en");
    }

    @Test
    void subjectsAreLocalisedAndCannotCarryAHeaderOfTheirOwn() {
        assertThat(MailText.subject(NotificationKind.ORDER_CONFIRMATION, "en", "Atelier", "#1001")).isEqualTo("[Atelier] Order #1001 confirmed");
        assertThat(MailText.subject(NotificationKind.ORDER_CONFIRMATION, "fr", "Atelier", "#1001")).isEqualTo("[Atelier] Commande #1001 confirmée");
        assertThat(MailText.subject(NotificationKind.PAYMENT_RECEIPT, "xx", "A", "#7")).isEqualTo("[A] Payment received for order #7");
        String injected = MailText.subject(NotificationKind.MERCHANT_NEW_ORDER, "en", "Shop\r\nBcc: victim@example.com", "#1");
        assertThat(injected).doesNotContain("\r").doesNotContain("\n").isEqualTo("[Shop Bcc: victim@example.com] New order #1");
        assertThat(MailText.headerSafe("x".repeat(500), 200)).hasSize(200);
        assertThat(MailText.displayName("\"Evil\" <a@b.c>\n")).isEqualTo("Evil a@b.c");
    }

    @Test
    void amountsAreWrittenAsTheLocaleWritesThemWithoutLosingACent() {
        assertThat(MailText.money(new BigDecimal("1234.50"), "EUR", "en")).isEqualTo("1,234.50 EUR");
        assertThat(MailText.money(new BigDecimal("1234.50"), "EUR", "fr")).isEqualTo("1\u202f234,50 EUR");
        assertThat(MailText.money(new BigDecimal("0.00"), "USD", "en")).isEqualTo("0.00 USD");
        assertThat(MailText.money(new BigDecimal("1500"), "JPY", "en")).isEqualTo("1,500 JPY");
        assertThat(MailText.money(new BigDecimal("9999999999999.99"), "EUR", "en")).isEqualTo("9,999,999,999,999.99 EUR");
    }

    @Test
    void retriesBackOffExponentiallyAndStopAfterTheLastAttempt() {
        MailRetry retry = new MailRetry(Duration.ofSeconds(30), Duration.ofMinutes(10), 4);
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        assertThat(retry.next(1, now, () -> 1.0)).contains(now.plusSeconds(30));
        assertThat(retry.next(2, now, () -> 1.0)).contains(now.plusSeconds(60));
        assertThat(retry.next(3, now, () -> 0.0)).contains(now.plusSeconds(60)); // jitter: half of 120 s at least
        assertThat(retry.next(4, now, () -> 1.0)).isEmpty();
        assertThat(new MailRetry(Duration.ofSeconds(30), Duration.ofMinutes(1), 20).next(10, now, () -> 1.0)).contains(now.plusSeconds(60));
        assertThatThrownBy(() -> new MailRetry(Duration.ofSeconds(1), Duration.ofSeconds(1), 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
