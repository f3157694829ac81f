package io.shopgraph.store.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The browser origins a storefront access token may be used from. Empty means any origin. An entry is
 * an exact origin ({@code https://shop.example.com}, {@code http://localhost:3000}) or a wildcard over
 * one or more sub-domain labels ({@code https://*.example.com}, which does not match
 * {@code https://example.com} itself).
 * <p>
 * This is a guard against casual reuse of a public token (another site copying it into its own pages),
 * not a secret: browsers set {@code Origin} and pages cannot change it, but any program outside a browser
 * can send whatever {@code Origin} it likes, or none. Requests without an {@code Origin} header (server-side
 * rendering, curl) are therefore not refused: refusing them would stop nobody.
 */
public record AllowedOrigins(List<String> patterns) {

    /** Most entries per token: a storefront lives on a few sites, not hundreds. */
    public static final int MAX_ENTRIES = 20;
    private static final int MAX_LENGTH = 255;

    public static final AllowedOrigins ANY = new AllowedOrigins(List.of());

    public AllowedOrigins {
        patterns = List.copyOf(patterns);
    }

    /** Whether a request sent from {@code origin} (the Origin header, if any) may use the token. */
    public boolean admits(Optional<String> origin) {
        if (patterns.isEmpty() || origin.isEmpty()) {
            return true;
        }
        String candidate = origin.get().trim().toLowerCase(Locale.ROOT);
        for (String pattern : patterns) {
            if (matches(pattern, candidate)) {
                return true;
            }
        }
        return false;
    }

    public boolean restricted() {
        return !patterns.isEmpty();
    }

    private static boolean matches(String pattern, String origin) {
        int wildcard = pattern.indexOf("://*.");
        if (wildcard < 0) {
            return pattern.equals(origin);
        }
        // https://*.example.com: same scheme, a host ending in ".example.com" with at least one label before it.
        String scheme = pattern.substring(0, wildcard + 3);
        String suffix = pattern.substring(wildcard + 4); // ".example.com[:port]"
        if (!origin.startsWith(scheme) || !origin.endsWith(suffix)) {
            return false;
        }
        String labels = origin.substring(scheme.length(), origin.length() - suffix.length());
        return !labels.isEmpty() && labels.matches("[a-z0-9]([a-z0-9.-]*[a-z0-9])?") && !labels.contains("..");
    }

    /**
     * Validates and normalises the entries a merchant gave (lower case, default ports dropped, duplicates
     * removed).
     *
     * @throws InvalidOrigin naming the first entry that is not an origin
     */
    public static AllowedOrigins parse(List<String> entries) {
        if (entries.size() > MAX_ENTRIES) {
            throw new InvalidOrigin(MAX_ENTRIES, "At most " + MAX_ENTRIES + " origins per token.");
        }
        Set<String> normalised = new LinkedHashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            normalised.add(normalise(entries.get(i), i));
        }
        return new AllowedOrigins(new ArrayList<>(normalised));
    }

    private static String normalise(String entry, int index) {
        String text = entry == null ? "" : entry.strip().toLowerCase(Locale.ROOT);
        String problem = "\"" + abbreviate(text) + "\" is not an origin: write scheme://host[:port] with http or https and "
                + "no path, e.g. https://shop.example.com or https://*.example.com.";
        if (text.isEmpty() || text.length() > MAX_LENGTH) {
            throw new InvalidOrigin(index, problem);
        }
        boolean wildcard = text.contains("://*.");
        String parsable = wildcard ? text.replace("://*.", "://wildcard.") : text;
        URI uri;
        try {
            uri = new URI(parsable);
        } catch (URISyntaxException e) {
            throw new InvalidOrigin(index, problem);
        }
        String scheme = uri.getScheme();
        String host = uri.getHost();
        if (!("http".equals(scheme) || "https".equals(scheme)) || host == null || uri.getRawUserInfo() != null
                || !(uri.getRawPath() == null || uri.getRawPath().isEmpty()) || uri.getRawQuery() != null
                || uri.getRawFragment() != null || text.contains("*") && !wildcard || text.indexOf('*') != text.lastIndexOf('*')
                || wildcard && host.chars().filter(c -> c == '.').count() < 2) {
            throw new InvalidOrigin(index, problem);
        }
        int port = uri.getPort();
        boolean defaultPort = port == -1 || "http".equals(scheme) && port == 80 || "https".equals(scheme) && port == 443;
        String origin = scheme + "://" + host + (defaultPort ? "" : ":" + port);
        return wildcard ? origin.replace("://wildcard.", "://*.") : origin;
    }

    private static String abbreviate(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }

    /** An entry that is not an origin; {@code index} is its position in the list given. */
    public static final class InvalidOrigin extends RuntimeException {

        private final int index;

        InvalidOrigin(int index, String message) {
            super(message, null, false, false);
            this.index = index;
        }

        public int index() {
            return index;
        }
    }
}
