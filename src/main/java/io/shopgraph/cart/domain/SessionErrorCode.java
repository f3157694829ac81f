package io.shopgraph.cart.domain;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("SessionErrorCode")
@Description("Why a session mutation failed. Nothing of a failed mutation is written.")
public enum SessionErrorCode {
    @Description("A URL is not an absolute http(s) URL of at most 2,048 characters.")
    INVALID_URL,
    @Description("A text (UTM value, locale, search text) is too long, or a country code is not two upper-case letters.")
    INVALID_VALUE,
    @Description("No live session has this token (unknown, expired, or never sent: send it in X-Session-Token).")
    SESSION_NOT_FOUND,
    @Description("Storefronts record only PRODUCT_VIEWED, COLLECTION_VIEWED and SEARCHED; carts and checkout record the rest themselves.")
    TYPE_NOT_ALLOWED,
    @Description("The event's subject is missing or not an id of the kind the type needs, or the session recorded its maximum of events.")
    INVALID_EVENT
}
