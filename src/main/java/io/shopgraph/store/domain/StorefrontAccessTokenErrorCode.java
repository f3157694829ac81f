package io.shopgraph.store.domain;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("StorefrontAccessTokenErrorCode")
@Description("Why a storefront access token mutation failed.")
public enum StorefrontAccessTokenErrorCode {
    @Description("The title is empty or longer than 100 characters.")
    INVALID_TITLE,
    @Description("An allowed origin is not of the form scheme://host[:port] (http or https, no path), or there are more "
            + "than 20.")
    INVALID_ORIGIN,
    @Description("The store already has as many live tokens as its plan allows.")
    TOO_MANY_TOKENS,
    @Description("No token with this id exists in this store.")
    NOT_FOUND,
    @Description("The token was already revoked.")
    ALREADY_REVOKED
}
