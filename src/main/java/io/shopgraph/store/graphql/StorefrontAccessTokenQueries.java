package io.shopgraph.store.graphql;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import io.shopgraph.platform.graphql.PageRequest;
import io.shopgraph.platform.security.Scope;
import io.shopgraph.platform.security.MerchantOperation;
import io.shopgraph.store.application.StorefrontTokenReads;

@GraphQLApi
public class StorefrontAccessTokenQueries {

    private final StorefrontTokenReads reads;

    StorefrontAccessTokenQueries(StorefrontTokenReads reads) {
        this.reads = reads;
    }

    @Query("storefrontAccessTokens")
    @MerchantOperation(Scope.READ_SETTINGS)
    @NonNull
    @Description("Merchant: the store's storefront access tokens, oldest first. Needs the read_settings scope.")
    public StorefrontAccessTokenConnection storefrontAccessTokens(
            @Name("first") @Description("How many tokens to return after `after` (at most 100, default 20).") Integer first,
            @Name("after") @Description("Return tokens after this cursor.") String after,
            @Name("last") @Description("How many tokens to return before `before` (at most 100).") Integer last,
            @Name("before") @Description("Return tokens before this cursor.") String before,
            @Name("includeRevoked") @DefaultValue("false") @Description("Whether revoked tokens are listed too.") boolean includeRevoked) {
        return StorefrontAccessTokenConnection.of(reads.page(PageRequest.of(first, after, last, before), includeRevoked));
    }
}
