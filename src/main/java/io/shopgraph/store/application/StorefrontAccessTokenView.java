package io.shopgraph.store.application;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.shopgraph.platform.graphql.Node;
import io.shopgraph.platform.kernel.GlobalId;
import io.shopgraph.store.domain.StorefrontToken;

@Type("StorefrontAccessToken")
@Description("A public token a storefront sends in the X-Storefront-Token header. The token itself is shown only "
        + "once, when it is created.")
public record StorefrontAccessTokenView(
        @Id @NonNull @Description("The token's global id (not the token).") String id,
        @NonNull @Description("What the merchant calls this token, e.g. the site that uses it.") String title,
        @NonNull @Description("The last four characters of the token, to tell tokens apart.") String accessTokenHint,
        @NonNull @Description("When the token was created.") Instant createdAt,
        @Description("When the token was revoked; null while it is live.") Instant revokedAt,
        @NonNull @Description("The browser origins (scheme://host[:port], or https://*.example.com for sub-domains) whose pages "
                + "may use the token; empty: any. Requests from other origins are refused with ORIGIN_NOT_ALLOWED. This guards "
                + "against other sites reusing a public token; it is not a secret, since programs outside a browser can send "
                + "any Origin header (requests without one are accepted).") List<@NonNull String> allowedOrigins)
        implements Node {

    public static final String TYPE = "StorefrontAccessToken";

    static StorefrontAccessTokenView of(StorefrontToken token) {
        return new StorefrontAccessTokenView(GlobalId.format(TYPE, token.id), token.title, token.tokenHint,
                token.createdAt, token.revokedAt, token.origins().patterns());
    }
}
