package io.shopgraph.customers.application;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.shopgraph.customers.domain.Customer;
import io.shopgraph.customers.domain.CustomerRepository;
import io.shopgraph.customers.domain.CustomerToken;
import io.shopgraph.customers.domain.CustomerTokenRepository;
import io.shopgraph.platform.errors.DomainException;
import io.shopgraph.platform.kernel.Ids;
import io.shopgraph.platform.kernel.StoreId;
import io.shopgraph.platform.security.CustomerAccessResolver;

/**
 * Customer sign-in: opaque, hashed, expiring access tokens. Sign-in failures are throttled per
 * email and per client address and answer the same whether or not the email exists (an unknown
 * email still costs one password verification).
 */
@ApplicationScoped
public class CustomerSessions implements CustomerAccessResolver {

    static final String TOKEN_PREFIX = "sgct_";

    private final CustomerRepository customers;
    private final CustomerTokenRepository tokens;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final Duration ttl;

    CustomerSessions(CustomerRepository customers, CustomerTokenRepository tokens, PasswordHasher hasher, LoginThrottle throttle,
            @ConfigProperty(name = "shopgraph.customers.token-ttl", defaultValue = "P30D") Duration ttl) {
        this.customers = customers;
        this.tokens = tokens;
        this.hasher = hasher;
        this.throttle = throttle;
        this.ttl = ttl;
    }

    /**
     * Signs in. Deliberately not one transaction: the throttle's counts commit on their own so a
     * failed attempt is remembered although the attempt itself fails.
     */
    public CustomerAccessTokenView signIn(String email, String password, String clientAddress) {
        String normalized = CustomerAccounts.normalizeEmail(email);
        List<String> keys = List.of(LoginThrottle.emailKey(normalized), LoginThrottle.clientKey(clientAddress));
        Optional<Duration> blocked = throttle.blockedFor(keys);
        if (blocked.isPresent()) {
            throw new DomainException(CustomerAccessTokenErrorCode.THROTTLED, List.of(),
                    "Too many failed sign-ins: try again in " + Math.max(1, blocked.get().toSeconds()) + " seconds.");
        }
        Optional<CustomerAccessTokenView> token = issue(normalized, password == null ? "" : password);
        if (token.isEmpty()) {
            throttle.recordFailure(keys);
            throw new DomainException(CustomerAccessTokenErrorCode.INVALID_CREDENTIALS, List.of("input"),
                    "The email or the password is wrong.");
        }
        throttle.reset(LoginThrottle.emailKey(normalized));
        return token.get();
    }

    @Transactional
    Optional<CustomerAccessTokenView> issue(String normalizedEmail, String password) {
        if (password.length() > 128) {
            hasher.verifyNothing("");
            return Optional.empty();
        }
        Optional<Customer> customer = customers.findByEmail(normalizedEmail);
        if (customer.isEmpty()) {
            hasher.verifyNothing(password);
            return Optional.empty();
        }
        if (!hasher.verify(password, customer.get().passwordHash)) {
            return Optional.empty();
        }
        String plain = Secrets.newToken(TOKEN_PREFIX);
        CustomerToken token = new CustomerToken();
        token.id = Ids.newId();
        token.customerId = customer.get().id;
        token.tokenHash = Secrets.hash(plain);
        token.createdAt = Instant.now();
        token.expiresAt = token.createdAt.plus(ttl);
        tokens.persist(token);
        return Optional.of(new CustomerAccessTokenView(plain, token.expiresAt));
    }

    @Transactional
    public CustomerAccessTokenView renew(String plain) {
        CustomerToken token = live(plain);
        token.expiresAt = Instant.now().plus(ttl);
        return new CustomerAccessTokenView(plain, token.expiresAt);
    }

    @Transactional
    public void delete(String plain) {
        live(plain).revokedAt = Instant.now();
    }

    private CustomerToken live(String plain) {
        if (plain == null || plain.length() > 200) {
            throw invalidToken();
        }
        return tokens.findLive(Secrets.hash(plain), Instant.now()).orElseThrow(CustomerSessions::invalidToken);
    }

    private static DomainException invalidToken() {
        return new DomainException(CustomerAccessTokenErrorCode.INVALID_TOKEN, List.of("customerAccessToken"),
                "The customer access token is unknown, expired or revoked.");
    }

    /** Called with the request already bound to {@code store} by its storefront token. */
    @Override
    @Transactional
    public Optional<UUID> customerForToken(StoreId store, String token) {
        return tokens.findLive(Secrets.hash(token), Instant.now()).map(t -> t.customerId);
    }
}
