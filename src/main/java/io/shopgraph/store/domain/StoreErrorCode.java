package io.shopgraph.store.domain;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("StoreErrorCode")
@Description("Why a store could not be created or changed.")
public enum StoreErrorCode {
    @Description("The name is empty or longer than 255 characters.")
    INVALID_NAME,
    @Description("The handle is not 1-63 lowercase letters, digits and inner hyphens.")
    INVALID_HANDLE,
    @Description("Another store already uses this handle.")
    HANDLE_TAKEN,
    @Description("The currency is not an ISO 4217 code.")
    INVALID_CURRENCY,
    @Description("The country is not an ISO 3166-1 alpha-2 code.")
    INVALID_COUNTRY,
    @Description("The time zone is not an IANA time zone id.")
    INVALID_TIMEZONE,
    @Description("The owner's OIDC issuer or subject is empty or longer than 255 characters.")
    INVALID_OWNER,
    @Description("The contact email is not an email address or is longer than 254 characters.")
    INVALID_EMAIL,
    @Description("A locale is not a language code, optionally with a region (en, fr-CA), or more than 20 are enabled.")
    INVALID_LOCALE,
    @Description("A policy text is longer than 65,535 characters.")
    INVALID_POLICY
}
