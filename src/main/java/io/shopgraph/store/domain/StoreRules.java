package io.shopgraph.store.domain;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import io.shopgraph.platform.errors.DomainException;
import io.shopgraph.platform.security.Scope;

/**
 * The rules of stores, their staff, partner apps and storefront tokens as plain Java (the shop settings' are in
 * {@link ShopSettingsRules}, allowed origins in {@link AllowedOrigins}). Each check throws a DomainException with
 * its family's code and the field path of the mutation's input.
 */
public final class StoreRules {

    private static final Pattern HANDLE = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private StoreRules() {
    }

    // --- stores ------------------------------------------------------------------------------------

    /** A new store: a name of 1 to 255 characters, a DNS-label handle, ISO currency and country, an IANA time zone. */
    public static void validateNewStore(String name, String handle, String currencyCode, String countryCode, String timezone) {
        if (name == null || name.isBlank() || name.length() > 255) {
            throw new DomainException(StoreErrorCode.INVALID_NAME, List.of("name"), "The name must have 1 to 255 characters.");
        }
        if (handle == null || !HANDLE.matcher(handle).matches()) {
            throw new DomainException(StoreErrorCode.INVALID_HANDLE, List.of("handle"),
                    "The handle must be 1 to 63 lowercase letters, digits and inner hyphens.");
        }
        if (!isCurrency(currencyCode)) {
            throw new DomainException(StoreErrorCode.INVALID_CURRENCY, List.of("currencyCode"),
                    "The currency must be an ISO 4217 code such as EUR.");
        }
        if (countryCode == null || !COUNTRIES.contains(countryCode)) {
            throw new DomainException(StoreErrorCode.INVALID_COUNTRY, List.of("countryCode"),
                    "The country must be an ISO 3166-1 alpha-2 code such as FR.");
        }
        if (!isTimezone(timezone)) {
            throw new DomainException(StoreErrorCode.INVALID_TIMEZONE, List.of("timezone"),
                    "The time zone must be an IANA id such as Europe/Paris.");
        }
    }

    /** A new store's owner as (issuer, subject), stripped, each 1 to 255 characters. */
    public static List<String> owner(String issuer, String subject) {
        String cleanIssuer = issuer == null ? "" : issuer.strip();
        String cleanSubject = subject == null ? "" : subject.strip();
        if (cleanIssuer.isEmpty() || cleanIssuer.length() > 255) {
            throw new DomainException(StoreErrorCode.INVALID_OWNER, List.of("input", "ownerIssuer"),
                    "The owner's issuer must have 1 to 255 characters.");
        }
        if (cleanSubject.isEmpty() || cleanSubject.length() > 255) {
            throw new DomainException(StoreErrorCode.INVALID_OWNER, List.of("input", "ownerSubject"),
                    "The owner's subject must have 1 to 255 characters.");
        }
        return List.of(cleanIssuer, cleanSubject);
    }

    // --- staff -------------------------------------------------------------------------------------

    /** A staff member's OIDC principal as (issuer, subject), stripped, each 1 to 255 characters. */
    public static List<String> staffPrincipal(String issuer, String subject) {
        String cleanIssuer = issuer == null ? "" : issuer.strip();
        String cleanSubject = subject == null ? "" : subject.strip();
        if (cleanIssuer.isEmpty() || cleanIssuer.length() > 255) {
            throw new DomainException(StaffMemberErrorCode.INVALID_PRINCIPAL, List.of("input", "issuer"),
                    "The issuer must have 1 to 255 characters.");
        }
        if (cleanSubject.isEmpty() || cleanSubject.length() > 255) {
            throw new DomainException(StaffMemberErrorCode.INVALID_PRINCIPAL, List.of("input", "subject"),
                    "The subject must have 1 to 255 characters.");
        }
        return List.of(cleanIssuer, cleanSubject);
    }

    // --- partner apps ------------------------------------------------------------------------------

    /** An app's OIDC client id, stripped, 1 to 255 characters. */
    public static String appClientId(String clientId) {
        String clean = clientId == null ? "" : clientId.strip();
        if (clean.isEmpty() || clean.length() > 255) {
            throw new DomainException(AppInstallationErrorCode.INVALID_CLIENT_ID, List.of("input", "clientId"),
                    "The client id must have 1 to 255 characters.");
        }
        return clean;
    }

    /** The scopes to grant an app, as stored: at least one, never manage_staff (only owners manage staff). */
    public static String[] grantableScopes(Collection<Scope> scopes, List<String> field) {
        // A stream check: contains(null) throws on immutable collections.
        if (scopes == null || scopes.isEmpty() || scopes.stream().anyMatch(Objects::isNull)) {
            throw new DomainException(AppInstallationErrorCode.NO_SCOPES, field, "Grant at least one scope.");
        }
        Set<Scope> set = EnumSet.copyOf(scopes);
        if (set.contains(Scope.MANAGE_STAFF)) {
            throw new DomainException(AppInstallationErrorCode.SCOPE_NOT_GRANTABLE, field, "Apps cannot be granted manage_staff.");
        }
        return set.stream().map(Enum::name).toArray(String[]::new);
    }

    // --- storefront tokens -------------------------------------------------------------------------

    /** A storefront token's title, stripped, 1 to 100 characters. */
    public static String storefrontTokenTitle(String title) {
        String cleanTitle = title == null ? "" : title.strip();
        if (cleanTitle.isEmpty() || cleanTitle.length() > 100) {
            throw new DomainException(StorefrontAccessTokenErrorCode.INVALID_TITLE, List.of("input", "title"),
                    "The title must have 1 to 100 characters.");
        }
        return cleanTitle;
    }

    /** A storefront token's allowed origins; INVALID_ORIGIN names the first bad entry. */
    public static AllowedOrigins storefrontTokenOrigins(List<String> entries) {
        try {
            return AllowedOrigins.parse(entries == null ? List.of() : entries);
        } catch (AllowedOrigins.InvalidOrigin e) {
            throw new DomainException(StorefrontAccessTokenErrorCode.INVALID_ORIGIN,
                    List.of("input", "allowedOrigins", String.valueOf(e.index())), e.getMessage());
        }
    }

    private static boolean isCurrency(String code) {
        try {
            return code != null && code.length() == 3 && Currency.getInstance(code).getCurrencyCode().equals(code);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isTimezone(String zone) {
        try {
            return zone != null && ZoneId.of(zone) != null;
        } catch (DateTimeException e) {
            return false;
        }
    }
}
