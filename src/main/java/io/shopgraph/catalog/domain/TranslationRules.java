package io.shopgraph.catalog.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import io.shopgraph.platform.errors.DomainException;

/**
 * The rules of product and collection translations, the same for both: at most {@link #MAX_LOCALES} locales per
 * call, each a language code with an optional region (not the store's default locale, whose texts are the
 * product's or collection's own fields) given once, a title of 1 to 255 characters and a description of at most
 * {@link #MAX_DESCRIPTION} characters, at least one of the two.
 */
public final class TranslationRules {

    public static final int MAX_LOCALES = 50;
    public static final int MAX_DESCRIPTION = 65_535;
    public static final Pattern FORMAT = Pattern.compile("^[a-z]{2}(-[A-Z]{2})?$");

    private TranslationRules() {
    }

    /** The canonical form of {@code text} ({@code fr}, {@code fr-CA}; case and '_' forgiven), or null when it is not a locale. */
    public static String canonical(String text) {
        if (text == null) {
            return null;
        }
        String[] parts = text.strip().replace('_', '-').split("-", -1);
        String candidate = parts.length == 1 ? parts[0].toLowerCase(Locale.ROOT)
                : parts.length == 2 ? parts[0].toLowerCase(Locale.ROOT) + "-" + parts[1].toUpperCase(Locale.ROOT) : "";
        return FORMAT.matcher(candidate).matches() ? candidate : null;
    }

    /** The translations to write, canonical and stripped; the first rule broken is thrown with its field path. */
    public static List<TranslationDraft> validate(List<TranslationDraft> translations, String defaultLocale) {
        if (translations.size() > MAX_LOCALES) {
            throw new DomainException(TranslationErrorCode.TOO_MANY_TRANSLATIONS, List.of("translations"),
                    "At most " + MAX_LOCALES + " locales at a time.");
        }
        Set<String> seen = new HashSet<>();
        List<TranslationDraft> valid = new ArrayList<>();
        for (int i = 0; i < translations.size(); i++) {
            TranslationDraft t = translations.get(i);
            List<String> at = List.of("translations", String.valueOf(i));
            String locale = locale(t.locale(), CatalogRules.append(at, "locale"), defaultLocale);
            if (!seen.add(locale)) {
                throw new DomainException(TranslationErrorCode.DUPLICATE_LOCALE, CatalogRules.append(at, "locale"),
                        "The locale " + locale + " appears more than once.");
            }
            String title = t.title() == null ? null : t.title().strip();
            if (title != null && (title.isEmpty() || title.length() > 255)) {
                throw new DomainException(TranslationErrorCode.INVALID_TITLE, CatalogRules.append(at, "title"),
                        "A translated title has 1 to 255 characters.");
            }
            String description = t.description();
            if (description != null && description.length() > MAX_DESCRIPTION) {
                throw new DomainException(TranslationErrorCode.INVALID_DESCRIPTION, CatalogRules.append(at, "description"),
                        "A translated description has at most " + MAX_DESCRIPTION + " characters.");
            }
            if (title == null && description == null) {
                throw new DomainException(TranslationErrorCode.EMPTY_TRANSLATION, at, "Give a title, a description or both.");
            }
            valid.add(new TranslationDraft(locale, title, description));
        }
        return valid;
    }

    /** The canonical forms of locales whose translations are to be removed. */
    public static List<String> validLocales(List<String> locales) {
        if (locales.size() > MAX_LOCALES) {
            throw new DomainException(TranslationErrorCode.TOO_MANY_TRANSLATIONS, List.of("locales"),
                    "At most " + MAX_LOCALES + " locales at a time.");
        }
        List<String> canonical = new ArrayList<>();
        for (int i = 0; i < locales.size(); i++) {
            String locale = canonical(locales.get(i));
            if (locale == null) {
                throw new DomainException(TranslationErrorCode.INVALID_LOCALE, List.of("locales", String.valueOf(i)),
                        "A locale is a language code, optionally with a region, e.g. fr or fr-CA.");
            }
            canonical.add(locale);
        }
        return canonical;
    }

    private static String locale(String raw, List<String> field, String defaultLocale) {
        String locale = canonical(raw);
        if (locale == null) {
            throw new DomainException(TranslationErrorCode.INVALID_LOCALE, field,
                    "A locale is a language code, optionally with a region, e.g. fr or fr-CA.");
        }
        if (locale.equals(defaultLocale)) {
            throw new DomainException(TranslationErrorCode.INVALID_LOCALE, field,
                    locale + " is the store's default locale: change the product's or collection's own fields instead.");
        }
        return locale;
    }
}
