package io.shopgraph.cart.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import io.shopgraph.platform.errors.DomainException;

/**
 * What a session keeps of where a shopper came from, and no more: the landing page's path (no query
 * string, which may carry personal data), the referrer's host only, and bounded UTM values.
 */
public final class SessionRules {

    static final int MAX_URL = 2048;
    static final int MAX_UTM = 128;
    private static final Pattern LOCALE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    private SessionRules() {
    }

    /** The landing URL's path (at most 512 characters); null when no URL was given. */
    public static String landingPath(String url, List<String> field) {
        return parse(url, field).map(u -> {
            String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
            return path.length() > 512 ? path.substring(0, 512) : path;
        }).orElse(null);
    }

    /** The referrer's host, lowercased; null when none. */
    public static String referrerHost(String url, List<String> field) {
        return parse(url, field).map(u -> u.getHost().toLowerCase(Locale.ROOT)).orElse(null);
    }

    /** A UTM parameter of the landing URL's query, when the input did not give it. */
    public static String utmFromUrl(String url, String name) {
        Optional<URI> uri;
        try {
            uri = parse(url, List.of());
        } catch (DomainException e) {
            return null;
        }
        String query = uri.map(URI::getRawQuery).orElse(null);
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                String value = java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8);
                return value.isBlank() ? null : value.length() > MAX_UTM ? value.substring(0, MAX_UTM) : value;
            }
        }
        return null;
    }

    public static String utm(String value, List<String> field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > MAX_UTM) {
            throw new DomainException(SessionErrorCode.INVALID_VALUE, field, "A UTM value is at most " + MAX_UTM + " characters.");
        }
        return value.strip();
    }

    public static String locale(String locale, List<String> field) {
        if (locale == null || locale.isBlank()) {
            return null;
        }
        if (locale.length() > 35 || !LOCALE.matcher(locale).matches()) {
            throw new DomainException(SessionErrorCode.INVALID_VALUE, field, "A locale is a language tag such as fr-CA.");
        }
        return locale;
    }

    public static String country(String country, List<String> field) {
        if (country == null || country.isBlank()) {
            return null;
        }
        if (!COUNTRY.matcher(country).matches()) {
            throw new DomainException(SessionErrorCode.INVALID_VALUE, field, "A country code is two upper-case letters, e.g. FR.");
        }
        return country;
    }

    private static Optional<URI> parse(String url, List<String> field) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        try {
            if (url.length() > MAX_URL) {
                throw new URISyntaxException(url.substring(0, 16), "too long");
            }
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new URISyntaxException(url, "not http(s)");
            }
            return Optional.of(uri);
        } catch (URISyntaxException e) {
            throw new DomainException(SessionErrorCode.INVALID_URL, field, "This is not an absolute http(s) URL of at most " + MAX_URL + " characters.");
        }
    }
}
