package io.shopgraph.customers.domain;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import io.shopgraph.platform.errors.DomainException;

/**
 * The rules of customer accounts and their addresses as plain Java: emails are compared lowercased and
 * stripped, passwords have 8 to 128 characters, names and address fields at most 255, an address needs a
 * street, a city and an ISO 3166-1 alpha-2 country, and a customer keeps at most {@link #MAX_ADDRESSES}.
 */
public final class CustomerRules {

    public static final int MAX_ADDRESSES = 50;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private CustomerRules() {
    }

    /** The email as stored and looked up: stripped and lowercased; "" for none. */
    public static String normalizeEmail(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    /** A sign-up's email, normalized; INVALID_EMAIL unless it looks like one and fits in 254 characters. */
    public static String signUpEmail(String email) {
        String normalized = normalizeEmail(email);
        if (normalized.length() > 254 || !EMAIL.matcher(normalized).matches()) {
            throw new DomainException(CustomerErrorCode.INVALID_EMAIL, List.of("input", "email"), "The email is not valid.");
        }
        return normalized;
    }

    public static void checkPassword(String password, List<String> field) {
        if (password == null || password.length() < 8) {
            throw new DomainException(CustomerErrorCode.PASSWORD_TOO_SHORT, field, "The password needs at least 8 characters.");
        }
        if (password.length() > 128) {
            throw new DomainException(CustomerErrorCode.PASSWORD_TOO_LONG, field, "The password may have at most 128 characters.");
        }
    }

    public static void checkNames(String firstName, String lastName) {
        if (length(firstName) > 255 || length(lastName) > 255) {
            throw new DomainException(CustomerErrorCode.TOO_LONG, List.of("input"), "Names may have at most 255 characters.");
        }
    }

    /** Refuses a new address when the customer already has {@code saved} of them. */
    public static void requireRoomForAddress(long saved) {
        if (saved >= MAX_ADDRESSES) {
            throw new DomainException(CustomerAddressErrorCode.TOO_MANY_ADDRESSES, List.of(),
                    "A customer may save at most " + MAX_ADDRESSES + " addresses.");
        }
    }

    /** Checks the input and copies it onto the address: stripped, blanks as null, the country upper-cased. */
    public static void apply(CustomerAddress address, AddressInput input) {
        String address1 = blankToNull(input.address1());
        String city = blankToNull(input.city());
        if (address1 == null) {
            throw new DomainException(CustomerAddressErrorCode.BLANK, List.of("address", "address1"), "The street is required.");
        }
        if (city == null) {
            throw new DomainException(CustomerAddressErrorCode.BLANK, List.of("address", "city"), "The city is required.");
        }
        String country = input.countryCode() == null ? "" : input.countryCode().strip().toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(country)) {
            throw new DomainException(CustomerAddressErrorCode.INVALID_COUNTRY, List.of("address", "countryCode"),
                    "The country must be an ISO 3166-1 alpha-2 code such as FR.");
        }
        for (String value : new String[] { input.firstName(), input.lastName(), input.company(), address1, input.address2(), city,
                input.province(), input.zip(), input.phone() }) {
            if (length(value) > 255) {
                throw new DomainException(CustomerAddressErrorCode.TOO_LONG, List.of("address"),
                        "Address fields may have at most 255 characters.");
            }
        }
        address.firstName = blankToNull(input.firstName());
        address.lastName = blankToNull(input.lastName());
        address.company = blankToNull(input.company());
        address.address1 = address1;
        address.address2 = blankToNull(input.address2());
        address.city = city;
        address.province = blankToNull(input.province());
        address.zip = blankToNull(input.zip());
        address.countryCode = country;
        address.phone = blankToNull(input.phone());
    }

    /** Stripped, or null when blank. */
    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static int length(String value) {
        return value == null ? 0 : value.length();
    }
}
