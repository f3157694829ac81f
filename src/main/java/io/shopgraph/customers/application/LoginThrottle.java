package io.shopgraph.customers.application;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.shopgraph.platform.tenancy.TenantContext;

/**
 * Failed sign-ins per key (an email, a client address) in the current store. After a number of
 * free failures each further failure blocks the key for a growing delay: base x 2^(n - free),
 * capped. Counts live in the database so every replica sees them; each change commits on its own,
 * so a failed login's rollback never erases its failure.
 */
@ApplicationScoped
public class LoginThrottle {

    private final EntityManager em;
    private final TenantContext tenant;
    private final int freeEmailFailures;
    private final int freeClientFailures;
    private final Duration baseDelay;
    private final Duration maxDelay;

    LoginThrottle(EntityManager em, TenantContext tenant,
            @ConfigProperty(name = "shopgraph.customers.login.free-failures-per-email", defaultValue = "5") int freeEmailFailures,
            @ConfigProperty(name = "shopgraph.customers.login.free-failures-per-client", defaultValue = "20") int freeClientFailures,
            @ConfigProperty(name = "shopgraph.customers.login.base-delay", defaultValue = "PT1S") Duration baseDelay,
            @ConfigProperty(name = "shopgraph.customers.login.max-delay", defaultValue = "PT15M") Duration maxDelay) {
        this.em = em;
        this.tenant = tenant;
        this.freeEmailFailures = freeEmailFailures;
        this.freeClientFailures = freeClientFailures;
        this.baseDelay = baseDelay;
        this.maxDelay = maxDelay;
    }

    static String emailKey(String normalizedEmail) {
        return "email:" + normalizedEmail;
    }

    static String clientKey(String address) {
        return "client:" + address;
    }

    /** How long the longest block among {@code keys} still lasts; empty when none is blocked. */
    @Transactional(TxType.REQUIRES_NEW)
    public Optional<Duration> blockedFor(List<String> keys) {
        List<?> rows = em.createNativeQuery("select max(blocked_until) from customers.login_throttle "
                + "where throttle_key in (?1) and blocked_until > now()").setParameter(1, keys).getResultList();
        Object until = rows.isEmpty() ? null : rows.get(0);
        if (until == null) {
            return Optional.empty();
        }
        Instant end = until instanceof java.time.OffsetDateTime odt ? odt.toInstant()
                : until instanceof java.sql.Timestamp ts ? ts.toInstant() : (Instant) until;
        Duration left = Duration.between(Instant.now(), end);
        return left.isNegative() ? Optional.empty() : Optional.of(left);
    }

    @Transactional(TxType.REQUIRES_NEW)
    public void recordFailure(List<String> keys) {
        for (String key : keys) {
            int failures = ((Number) em.createNativeQuery("insert into customers.login_throttle "
                    + "(store_id, throttle_key, failures, last_failure_at) values (cast(?1 as uuid), ?2, 1, now()) "
                    + "on conflict (store_id, throttle_key) do update set failures = customers.login_throttle.failures + 1, "
                    + "last_failure_at = now() returning failures")
                    .setParameter(1, tenant.store().orElseThrow().toString()).setParameter(2, key).getSingleResult()).intValue();
            int free = key.startsWith("email:") ? freeEmailFailures : freeClientFailures;
            LoginThrottleDelays.of(failures, free, baseDelay, maxDelay).ifPresent(delay -> em.createNativeQuery(
                    "update customers.login_throttle set blocked_until = now() + make_interval(secs => ?1) where throttle_key = ?2")
                    .setParameter(1, (double) delay.toMillis() / 1000).setParameter(2, key).executeUpdate());
        }
    }

    @Transactional(TxType.REQUIRES_NEW)
    public void reset(String key) {
        em.createNativeQuery("delete from customers.login_throttle where throttle_key = ?1").setParameter(1, key).executeUpdate();
    }
}
