package io.shopgraph.customers.application;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.shopgraph.customers.domain.Customer;
import io.shopgraph.customers.domain.CustomerAccessTokenErrorCode;
import io.shopgraph.customers.domain.CustomerRepository;
import io.shopgraph.customers.domain.CustomerRules;
import io.shopgraph.customers.domain.CustomerToken;
import io.shopgraph.customers.domain.CustomerTokenRepository;
import io.shopgraph.platform.errors.DomainException;
import io.shopgraph.platform.kernel.Ids;
import io.shopgraph.platform.kernel.StoreId;
import io.shopgraph.platform.security.CustomerAccessResolver;
import io.shopgraph.platform.security.OpaqueTokens;

/**
 * Customer sign-in: opaque, hashed, expiring access tokens. Sign-in attempts are throttled per
 * email and per client address and answer the same whether or not the email exists (an unknown
 * email still costs one password verification); passwords are verified on {@link PasswordWork}'s pool
 * while no database connection is held.
 */
@ApplicationScoped
public class CustomerSessions implements CustomerAccessResolver {

    static final String TOKEN_PREFIX = "sgct_";

    private final CustomerRepository customers;
    private final CustomerTokenRepository tokens;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final PasswordWork work;
    private final Duration ttl;

    CustomerSessions(CustomerRepository customers, CustomerTokenRepository tokens, PasswordHasher hasher, LoginThrottle throttle,
            PasswordWork work, CustomersConfig config) {
        this.work = work;
        this.customers = customers;
        this.tokens = tokens;
        this.hasher = hasher;
        this.throttle = throttle;
        this.ttl = config.tokenTtl();
    }

    /**
     * Signs in. Deliberately not one transaction, and the password is checked between transactions on
     * the {@link PasswordWork} pool: first the attempt is counted against the email and the client
     * (atomically, so parallel guesses cannot pass the throttle), then the stored hash is read in a short
     * transaction, then it is verified holding no database connection, then the token is written.
     */
    public CustomerAccessTokenView signIn(String email, String password, String clientAddress) {
        String normalized = CustomerRules.normalizeEmail(email);
        String emailKey = LoginThrottle.emailKey(normalized);
        String clientKey = LoginThrottle.clientKey(clientAddress);
        Optional<Duration> blocked = throttle.admit(List.of(emailKey, clientKey));
        if (blocked.isPresent()) {
            throw throttled(blocked.get());
        }
        String given = password == null ? "" : password;
        Optional<Customer> customer = given.length() > 128 ? Optional.empty() : find(normalized);
        boolean verified;
        try {
            // An unknown email still costs one verification, so both answers take the same time.
            verified = work.run(() -> customer.isPresent() ? hasher.verify(given, customer.get().passwordHash)
                    : hasher.verifyNothing(given.length() > 128 ? "" : given));
        } catch (PasswordWork.Busy busy) {
            throw throttled(Duration.ofSeconds(1));
        }
        if (!verified) {
            throw new DomainException(CustomerAccessTokenErrorCode.INVALID_CREDENTIALS, List.of("input"),
                    "The email or the password is wrong.");
        }
        CustomerAccessTokenView token = issue(customer.get().id);
        throttle.succeeded(emailKey, clientKey);
        return token;
    }

    private static DomainException throttled(Duration wait) {
        return new DomainException(CustomerAccessTokenErrorCode.THROTTLED, List.of(),
                "Too many sign-ins: try again in " + Math.max(1, wait.toSeconds()) + " seconds.");
    }

    @Transactional
    Optional<Customer> find(String normalizedEmail) {
        return customers.findByEmail(normalizedEmail);
    }

    @Transactional
    CustomerAccessTokenView issue(UUID customerId) {
        String plain = OpaqueTokens.newToken(TOKEN_PREFIX);
        CustomerToken token = new CustomerToken();
        token.id = Ids.newId();
        token.customerId = customerId;
        token.tokenHash = OpaqueTokens.hash(plain);
        token.createdAt = Instant.now();
        token.expiresAt = token.createdAt.plus(ttl);
        tokens.persist(token);
        return new CustomerAccessTokenView(plain, token.expiresAt);
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
        return tokens.findLive(OpaqueTokens.hash(plain), Instant.now()).orElseThrow(CustomerSessions::invalidToken);
    }

    private static DomainException invalidToken() {
        return new DomainException(CustomerAccessTokenErrorCode.INVALID_TOKEN, List.of("customerAccessToken"),
                "The customer access token is unknown, expired or revoked.");
    }

    /** Called with the request already bound to {@code store} by its storefront token. */
    @Override
    @Transactional
    public Optional<UUID> customerForToken(StoreId store, String token) {
        return tokens.findLive(OpaqueTokens.hash(token), Instant.now()).map(t -> t.customerId);
    }
}
