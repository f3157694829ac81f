package io.shopgraph.store.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules of the settings a merchant edits: what a contact email, a locale and a policy text may be, and
 * which locales a store offers (its default locale first, then the others it enabled, each once).
 */
public final class ShopSettingsRules {

    public static final int MAX_LOCALES = 20;
    public static final int MAX_POLICY = 65_535;
    public static final int MAX_EMAIL = 254;
    /** BCP 47 subset used throughout the catalog: a language, optionally a region ("en", "fr-CA"). */
    private static final Pattern LOCALE = Pattern.compile("[a-z]{2}(-[A-Z]{2})?");
    /** Deliberately plain: one @, no spaces, a dot in the domain. Whether mail arrives is not decided by a regex. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");

    private ShopSettingsRules() {
    }

    public static boolean validName(String name) {
        return name != null && !name.isBlank() && name.strip().length() <= 255;
    }

    public static boolean validEmail(String email) {
        return email != null && email.length() <= MAX_EMAIL && EMAIL.matcher(email).matches();
    }

    public static boolean validLocale(String locale) {
        return locale != null && LOCALE.matcher(locale).matches();
    }

    public static boolean validPolicy(String text) {
        return text != null && text.length() <= MAX_POLICY;
    }

    /** The locales a store offers: the default first, then the enabled ones in the order given, without repeats. */
    public static List<String> offeredLocales(String defaultLocale, List<String> enabled) {
        Set<String> all = new LinkedHashSet<>();
        all.add(defaultLocale);
        all.addAll(enabled);
        return new ArrayList<>(all);
    }
}
