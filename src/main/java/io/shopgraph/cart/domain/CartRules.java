package io.shopgraph.cart.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import io.shopgraph.catalog.api.LineAttributeDeclaration;
import io.shopgraph.platform.errors.DomainException;

/** The cart's invariants as plain Java (unit-tested without the application). */
public final class CartRules {

    public static final int MAX_LINE_ATTRIBUTES = 10;
    public static final int MAX_NOTE = 5000;
    static final int MAX_KEY = 64;
    static final int MAX_VALUE = 1000;
    private static final char SEPARATOR = 0x1f;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("\\+[1-9][0-9]{3,14}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    private CartRules() {
    }

    public static void quantity(int quantity, CartLimits limits, List<String> field) {
        if (quantity < 1 || quantity > limits.maxLineQuantity()) {
            throw new DomainException(CartErrorCode.INVALID_QUANTITY, field,
                    "A line's quantity is between 1 and " + limits.maxLineQuantity() + ".");
        }
    }

    /** The cart's lines as a whole: their count and total quantity. */
    public static void totals(int lines, long units, CartLimits limits) {
        if (lines > limits.maxLines()) {
            throw new DomainException(CartErrorCode.TOO_MANY_LINES, List.of("lines"), "A cart has at most " + limits.maxLines() + " lines.");
        }
        if (units > limits.maxCartQuantity()) {
            throw new DomainException(CartErrorCode.CART_QUANTITY_LIMIT, List.of("lines"),
                    "A cart holds at most " + limits.maxCartQuantity() + " units in all.");
        }
    }

    /**
     * Checks a line's attributes against the general bounds and its variant's declarations, and answers
     * them in a canonical order (by key), so that two adds of the same variant with the same attributes
     * land on one line.
     */
    public static List<Attribute> lineAttributes(List<Attribute> given, List<LineAttributeDeclaration> declared, List<String> field) {
        List<String> at = append(field, "attributes");
        if (given.size() > MAX_LINE_ATTRIBUTES) {
            throw lineError(at, "A line has at most " + MAX_LINE_ATTRIBUTES + " attributes.");
        }
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            Attribute a = given.get(i);
            List<String> one = append(at, String.valueOf(i));
            if (a.key() == null || a.key().isBlank() || a.key().length() > MAX_KEY || a.value() == null || a.value().length() > MAX_VALUE
                    || hasSeparator(a)) {
                throw lineError(one, "An attribute's key is 1 to " + MAX_KEY + " characters and its value at most " + MAX_VALUE + ".");
            }
            if (!keys.add(a.key())) {
                throw lineError(one, "The key " + a.key() + " appears twice.");
            }
        }
        for (LineAttributeDeclaration d : declared) {
            Attribute a = given.stream().filter(g -> g.key().equals(d.key())).findFirst().orElse(null);
            if (a == null || a.value().isBlank()) {
                if (d.required()) {
                    throw new DomainException(CartErrorCode.MISSING_LINE_ATTRIBUTE, at, "This variant requires the attribute " + d.key() + ".");
                }
                continue;
            }
            List<String> one = append(at, String.valueOf(given.indexOf(a)));
            if (a.value().length() > d.maxLength()) {
                throw lineError(one, d.key() + " is at most " + d.maxLength() + " characters.");
            }
            switch (d.type()) {
                case NUMBER -> {
                    if (!NUMBER.matcher(a.value()).matches()) {
                        throw lineError(one, d.key() + " is a number such as 42 or 61.5.");
                    }
                }
                case CHOICE -> {
                    if (!d.allowedValues().contains(a.value())) {
                        throw lineError(one, d.key() + " is one of " + String.join(", ", d.allowedValues()) + ".");
                    }
                }
                case TEXT -> {
                    // the length check above is all a text needs
                }
            }
        }
        List<Attribute> sorted = new ArrayList<>(given);
        sorted.sort(Comparator.comparing(Attribute::key));
        return List.copyOf(sorted);
    }

    /** Cart attributes: bounded in number and size, no key twice. */
    public static List<Attribute> cartAttributes(List<Attribute> given, CartLimits limits, List<String> field) {
        if (given.size() > limits.maxAttributes()) {
            throw new DomainException(CartErrorCode.INVALID_ATTRIBUTE, field, "A cart has at most " + limits.maxAttributes() + " attributes.");
        }
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            Attribute a = given.get(i);
            if (a.key() == null || a.key().isBlank() || a.key().length() > 255 || a.value() == null || a.value().length() > MAX_VALUE
                    || hasSeparator(a) || !keys.add(a.key())) {
                throw new DomainException(CartErrorCode.INVALID_ATTRIBUTE, append(field, String.valueOf(i)),
                        "An attribute has a key of 1 to 255 characters, used once, and a value of at most " + MAX_VALUE + ".");
            }
        }
        return List.copyOf(given);
    }

    public static String note(String note, List<String> field) {
        if (note != null && note.length() > MAX_NOTE) {
            throw new DomainException(CartErrorCode.INVALID_NOTE, field, "A note is at most " + MAX_NOTE + " characters.");
        }
        return note == null || note.isEmpty() ? null : note;
    }

    /** Null keeps, blank clears (""), anything else must be an email address (stored lowercased). */
    public static String email(String email, List<String> field) {
        if (email == null || email.isBlank()) {
            return email == null ? null : "";
        }
        String trimmed = email.strip();
        if (trimmed.length() > 254 || !EMAIL.matcher(trimmed).matches()) {
            throw new DomainException(CartErrorCode.INVALID_EMAIL, field, "This is not an email address.");
        }
        return trimmed.toLowerCase(Locale.ROOT);
    }

    public static String phone(String phone, List<String> field) {
        if (phone == null || phone.isBlank()) {
            return phone == null ? null : "";
        }
        String compact = phone.replaceAll("[\\s().-]", "");
        if (!PHONE.matcher(compact).matches()) {
            throw new DomainException(CartErrorCode.INVALID_PHONE, field, "A phone number is in E.164 form, e.g. +33612345678.");
        }
        return compact;
    }

    public static String country(String country, List<String> field) {
        if (country == null || country.isBlank()) {
            return country == null ? null : "";
        }
        if (!COUNTRY.matcher(country).matches()) {
            throw new DomainException(CartErrorCode.INVALID_COUNTRY, field, "A country code is two upper-case letters, e.g. FR.");
        }
        return country;
    }

    /** Two quantities of one line merged at sign-in, capped at the per-line limit. */
    public static int mergedQuantity(int a, int b, CartLimits limits) {
        return (int) Math.min((long) a + b, limits.maxLineQuantity());
    }

    /** The unit separator packs attributes in storage and reads; no shopper needs it in a text. */
    private static boolean hasSeparator(Attribute a) {
        return a.key().indexOf(SEPARATOR) >= 0 || a.value().indexOf(SEPARATOR) >= 0;
    }

    private static DomainException lineError(List<String> field, String message) {
        return new DomainException(CartErrorCode.INVALID_LINE_ATTRIBUTE, field, message);
    }

    static List<String> append(List<String> field, String name) {
        List<String> result = new ArrayList<>(field);
        result.add(name);
        return result;
    }
}
