package io.shopgraph.notifications.domain;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The locale rules and the few texts of a mail that live outside its templates: which template locale a store
 * gets, the subject lines, amounts as people of that locale write them, and header-safe text (a store name
 * with a line break must not add a mail header).
 */
public final class MailText {

    /** The locales with templates. Any other store locale falls back to {@link #FALLBACK}. */
    public static final Set<String> LOCALES = Set.of("en", "fr");
    public static final String FALLBACK = "en";

    private static final Map<String, Map<NotificationKind, String>> SUBJECTS = Map.of(
            "en", Map.of(NotificationKind.ORDER_CONFIRMATION, "Order %s confirmed",
                    NotificationKind.MERCHANT_NEW_ORDER, "New order %s",
                    NotificationKind.PAYMENT_RECEIPT, "Payment received for order %s"),
            "fr", Map.of(NotificationKind.ORDER_CONFIRMATION, "Commande %s confirmée",
                    NotificationKind.MERCHANT_NEW_ORDER, "Nouvelle commande %s",
                    NotificationKind.PAYMENT_RECEIPT, "Paiement reçu pour la commande %s"));

    private MailText() {
    }

    /** The template locale for a store locale ("fr-CA" → "fr", "de" → "en", null → "en"). */
    public static String locale(String storeLocale) {
        if (storeLocale == null || storeLocale.isBlank()) {
            return FALLBACK;
        }
        String language = storeLocale.strip().toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
        return LOCALES.contains(language) ? language : FALLBACK;
    }

    /** "[Store] Order #1001 confirmed", header-safe. */
    public static String subject(NotificationKind kind, String locale, String storeName, String orderName) {
        String text = String.format(SUBJECTS.getOrDefault(locale, SUBJECTS.get(FALLBACK)).get(kind), orderName);
        return headerSafe("[" + storeName + "] " + text, 200);
    }

    /** An amount as written in the locale, with its currency code: "1,234.50 EUR" (en), "1 234,50 EUR" (fr). */
    public static String money(BigDecimal amount, String currencyCode, String locale) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
        if ("fr".equals(locale)) {
            symbols.setDecimalSeparator(',');
            symbols.setGroupingSeparator('\u202f');
        }
        DecimalFormat format = new DecimalFormat("#,##0", symbols);
        format.setMinimumFractionDigits(amount.scale() > 0 ? amount.scale() : 0);
        format.setMaximumFractionDigits(Math.max(0, amount.scale()));
        return format.format(amount) + " " + currencyCode;
    }

    /**
     * Text that goes into a mail header (subject, display name): control characters become spaces, so a store
     * name or order text can never start a header of its own, and it is cut to {@code max} characters.
     */
    public static String headerSafe(String text, int max) {
        String clean = text == null ? "" : text.replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ").strip();
        return clean.length() <= max ? clean : clean.substring(0, max);
    }

    /** A display name for the From header: quotes and backslashes dropped, header-safe. */
    public static String displayName(String storeName) {
        return headerSafe(storeName == null ? "" : storeName.replaceAll("[\"\\\\<>]", ""), 100);
    }
}
