package io.shopgraph.customers.application;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.shopgraph.customers.domain.Customer;
import io.shopgraph.customers.domain.CustomerErrorCode;
import io.shopgraph.customers.domain.CustomerRepository;
import io.shopgraph.customers.domain.CustomerRules;
import io.shopgraph.customers.domain.CustomerTokenRepository;
import io.shopgraph.customers.domain.PasswordReset;
import io.shopgraph.customers.domain.PasswordResetRepository;
import io.shopgraph.platform.errors.DomainException;
import io.shopgraph.platform.kernel.Ids;
import io.shopgraph.platform.security.OpaqueTokens;

/**
 * Password reset: a single-use, expiring token sent through {@link CustomerMailer}. Asking for a
 * reset answers the same whether the email exists or not; using one signs the customer out
 * everywhere.
 */
@ApplicationScoped
public class PasswordRecovery {

    static final String TOKEN_PREFIX = "sgpr_";

    private final CustomerRepository customers;
    private final PasswordResetRepository resets;
    private final CustomerTokenRepository tokens;
    private final PasswordHasher hasher;
    private final CustomerMailer mailer;
    private final PasswordWork work;
    private final Duration ttl;

    PasswordRecovery(CustomerRepository customers, PasswordResetRepository resets, CustomerTokenRepository tokens,
            PasswordHasher hasher, CustomerMailer mailer, PasswordWork work,
            CustomersConfig config) {
        this.customers = customers;
        this.resets = resets;
        this.tokens = tokens;
        this.hasher = hasher;
        this.mailer = mailer;
        this.work = work;
        this.ttl = config.passwordResetTtl();
    }

    @Transactional
    public void recover(String email) {
        String normalized = CustomerRules.normalizeEmail(email);
        customers.findByEmail(normalized).ifPresent(customer -> {
            String plain = OpaqueTokens.newToken(TOKEN_PREFIX);
            PasswordReset reset = new PasswordReset();
            reset.id = Ids.newId();
            reset.customerId = customer.id;
            reset.tokenHash = OpaqueTokens.hash(plain);
            reset.createdAt = Instant.now();
            reset.expiresAt = reset.createdAt.plus(ttl);
            resets.persist(reset);
            mailer.sendPasswordReset(customer.email, plain, reset.expiresAt);
        });
    }

    /**
     * Sets a new password. The token is checked first, the new password is hashed on the
     * {@link PasswordWork} pool holding no connection, then the token is used up in a short transaction
     * (which checks it again under a lock: two parallel resets cannot both use it).
     */
    public void reset(String resetToken, String newPassword) {
        CustomerRules.checkPassword(newPassword, List.of("input", "password"));
        if (resetToken == null || resetToken.length() > 200) {
            throw invalid();
        }
        String tokenHash = OpaqueTokens.hash(resetToken);
        if (!usable(tokenHash)) {
            throw invalid();
        }
        String passwordHash;
        try {
            passwordHash = work.run(() -> hasher.hash(newPassword));
        } catch (PasswordWork.Busy busy) {
            throw new DomainException(CustomerErrorCode.THROTTLED, List.of(), "The service is busy: try again in a second.");
        }
        apply(tokenHash, passwordHash);
    }

    @Transactional
    boolean usable(String tokenHash) {
        return resets.lockUsable(tokenHash, Instant.now()).isPresent();
    }

    @Transactional
    void apply(String tokenHash, String passwordHash) {
        Instant now = Instant.now();
        PasswordReset reset = resets.lockUsable(tokenHash, now).orElseThrow(PasswordRecovery::invalid);
        reset.usedAt = now;
        Customer customer = customers.findById(reset.customerId);
        customer.passwordHash = passwordHash;
        tokens.revokeAll(customer.id, now);
    }

    private static DomainException invalid() {
        return new DomainException(CustomerErrorCode.INVALID_TOKEN, List.of("input", "resetToken"),
                "The reset token is unknown, expired or already used.");
    }
}
