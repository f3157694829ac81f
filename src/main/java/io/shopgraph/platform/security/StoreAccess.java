package io.shopgraph.platform.security;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;
import io.shopgraph.platform.errors.ApiException;
import io.shopgraph.platform.kernel.StoreId;
import io.shopgraph.platform.tenancy.TenantContext;

/**
 * Who may do this, and in which store: resolves the request's credentials (storefront token,
 * customer token, OIDC bearer + membership) and binds the request to the store they open. The
 * {@link AccessInterceptor}s call it from each operation's access annotation before the resolver
 * runs. Answers are memoised for the request.
 */
@RequestScoped
public class StoreAccess {

    private final RequestCredentials credentials;
    private final SecurityIdentity identity;
    private final StoreAccessResolver resolver;
    private final TenantContext tenant;

    private final String operatorRole;

    private final Instance<CustomerAccessResolver> customers;
    private final boolean clientIdFromSubject;

    private volatile StoreId storefrontStore;
    private volatile UUID customer;
    private volatile MerchantGrant merchantGrant;

    StoreAccess(RequestCredentials credentials, SecurityIdentity identity, StoreAccessResolver resolver,
            TenantContext tenant, Instance<CustomerAccessResolver> customers, MerchantTokenConfig tokens,
            OperatorConfig operator) {
        this.clientIdFromSubject = tokens.clientIdFromSubject();
        this.operatorRole = operator.role();
        this.customers = customers;
        this.credentials = credentials;
        this.identity = identity;
        this.resolver = resolver;
        this.tenant = tenant;
    }

    /** The store of the request's storefront token; UNAUTHENTICATED without a live one. */
    public StoreId requireStorefront() {
        StoreId store = storefrontStore;
        if (store == null) {
            String token = credentials.storefrontToken().orElseThrow(() -> ApiException.unauthenticated(
                    "This field needs a storefront access token in the " + RequestCredentials.STOREFRONT_TOKEN + " header."));
            store = resolver.storeForStorefrontToken(token, credentials.origin())
                    .orElseThrow(() -> ApiException.unauthenticated("The storefront access token is not valid."));
            tenant.enter(store);
            storefrontStore = store;
        }
        return store;
    }

    /**
     * The signed-in customer: a live customer token in {@code X-Customer-Token} that belongs to the
     * store of the request's (required) storefront token. UNAUTHENTICATED otherwise.
     */
    public UUID requireCustomer() {
        UUID current = customer;
        if (current == null) {
            StoreId store = requireStorefront();
            String token = credentials.customerToken().orElseThrow(() -> ApiException.unauthenticated(
                    "This field needs a customer access token in the " + RequestCredentials.CUSTOMER_TOKEN + " header."));
            if (customers.isUnsatisfied() || token.length() > 200) {
                throw ApiException.unauthenticated("The customer access token is not valid.");
            }
            current = customers.get().customerForToken(store, token)
                    .orElseThrow(() -> ApiException.unauthenticated("The customer access token is not valid."));
            customer = current;
        }
        return current;
    }

    /**
     * The signed-in customer, or empty for a guest (a storefront token without {@code X-Customer-Token}).
     * A customer token that is sent must be live and of the storefront token's store: UNAUTHENTICATED
     * otherwise, so that the client learns its session ended.
     */
    public Optional<UUID> customer() {
        requireStorefront();
        if (credentials.customerToken().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(requireCustomer());
    }

    /** The caller's grant, after checking it carries {@code scope}. */
    public MerchantGrant requireMerchant(Scope scope) {
        MerchantGrant grant = merchant().orElseThrow(() -> identity.isAnonymous()
                ? ApiException.unauthenticated("This field needs a merchant bearer token.")
                : ApiException.forbidden("The caller is not a member of this store."));
        if (!grant.allows(scope)) {
            throw ApiException.forbidden("This field needs the " + scope.name().toLowerCase() + " scope.");
        }
        return grant;
    }

    /**
     * The store of whichever credential the request carries, merchant first. Used by fields both
     * sides share, such as {@code node}.
     */
    public Audience requireAny() {
        if (!identity.isAnonymous()) {
            requireMerchantMembership();
            return Audience.MERCHANT;
        }
        requireStorefront();
        return Audience.STOREFRONT;
    }

    /** The side of an already authorised request: merchant when it carries a member's bearer token. */
    public Audience audience() {
        return merchantGrant != null ? Audience.MERCHANT : Audience.STOREFRONT;
    }

    /** The merchant grant when the request carries a bearer token of a member; empty otherwise. */
    public Optional<MerchantGrant> merchant() {
        if (identity.isAnonymous()) {
            return Optional.empty();
        }
        MerchantGrant grant = merchantGrant;
        if (grant == null) {
            grant = resolver.merchantGrant(principal(), credentials.requestedStore()).orElse(null);
            if (grant == null) {
                return Optional.empty();
            }
            tenant.enter(grant.store());
            merchantGrant = grant;
        }
        return Optional.of(grant);
    }

    private void requireMerchantMembership() {
        if (merchant().isEmpty()) {
            throw ApiException.forbidden("The caller is not a member of this store.");
        }
    }

    private MerchantPrincipal principal() {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            String subject = jwt.getSubject() != null ? jwt.getSubject() : jwt.getName();
            Optional<String> clientId = Optional.ofNullable(jwt.<String>getClaim("azp"))
                    .or(() -> Optional.ofNullable(jwt.<String>getClaim("client_id")))
                    .or(() -> clientIdFromSubject ? Optional.ofNullable(subject) : Optional.empty());
            return new MerchantPrincipal(jwt.getIssuer(), subject, clientId);
        }
        throw ApiException.unauthenticated("This field needs a merchant bearer token.");
    }

    /**
     * The caller's subject, after checking its bearer token carries the platform-operator role in
     * its {@code groups} claim. Binds no store.
     */
    public String requirePlatformOperator() {
        if (identity.isAnonymous()) {
            throw ApiException.unauthenticated("This field needs a platform operator's bearer token.");
        }
        if (!(identity.getPrincipal() instanceof JsonWebToken jwt) || !hasGroup(jwt, operatorRole)) {
            throw ApiException.forbidden("This field is for platform operators.");
        }
        return jwt.getSubject();
    }

    private static boolean hasGroup(JsonWebToken jwt, String role) {
        Set<String> groups = jwt.getGroups();
        return role != null && !role.isBlank() && groups != null && groups.contains(role);
    }

    /** Which side of the schema the caller is on. */
    public enum Audience {
        STOREFRONT, MERCHANT
    }
}
