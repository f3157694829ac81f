package io.shopgraph.customers.application;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional.TxType;
import jakarta.transaction.Transactional;

import io.shopgraph.platform.tenancy.TenantContext;

/**
 * Attempts per key (an email, a client address, a client's sign-ups) in the current store, counted
 * <b>before</b> the password is checked: each attempt locks its keys' rows, is admitted only while no
 * key is blocked, and counts at once; the attempt that uses up a key's free attempts blocks the key for
 * base x 2^(n - free), capped, until a success resets it. So parallel guesses are serialised on the row
 * lock and at most the free number of them is ever evaluated. Counts live in the database so every
 * replica sees them; each step commits on its own, so a failed attempt's rollback never erases it.
 * Counts older than a day are forgotten.
 */
@ApplicationScoped
public class LoginThrottle {

    private static final Duration FORGET_AFTER = Duration.ofDays(1);

    private final EntityManager em;
    private final TenantContext tenant;
    private final int freeEmailFailures;
    private final int freeClientFailures;
    private final int freeSignUps;
    private final Duration baseDelay;
    private final Duration maxDelay;

    LoginThrottle(EntityManager em, TenantContext tenant, CustomersConfig config) {
        this.em = em;
        this.tenant = tenant;
        this.freeEmailFailures = config.login().freeFailuresPerEmail();
        this.freeClientFailures = config.login().freeFailuresPerClient();
        this.freeSignUps = config.signUp().freePerClient();
        this.baseDelay = config.login().baseDelay();
        this.maxDelay = config.login().maxDelay();
    }

    static String emailKey(String normalizedEmail) {
        return "email:" + normalizedEmail;
    }

    static String clientKey(String address) {
        return "client:" + address;
    }

    static String signUpKey(String address) {
        return "signup:" + address;
    }

    /**
     * Counts one attempt against every key, atomically: empty when admitted, else how long the longest
     * block lasts (and nothing is counted).
     */
    @Transactional(TxType.REQUIRES_NEW)
    public Optional<Duration> admit(List<String> keys) {
        String store = tenant.requireStore().toString();
        List<String> sorted = keys.stream().distinct().sorted().toList(); // one lock order: no deadlocks
        Instant now = Instant.now();
        Duration blockedFor = Duration.ZERO;
        int[] counts = new int[sorted.size()];
        for (int i = 0; i < sorted.size(); i++) {
            em.createNativeQuery("insert into customers.login_throttle (store_id, throttle_key, failures, last_failure_at) "
                    + "values (cast(?1 as uuid), ?2, 0, now()) on conflict (store_id, throttle_key) do nothing")
                    .setParameter(1, store).setParameter(2, sorted.get(i)).executeUpdate();
            Object[] row = (Object[]) em.createNativeQuery("select failures, last_failure_at, blocked_until "
                    + "from customers.login_throttle where throttle_key = ?1 for update")
                    .setParameter(1, sorted.get(i)).getSingleResult();
            Instant last = instant(row[1]);
            Instant until = instant(row[2]);
            counts[i] = last != null && last.isBefore(now.minus(FORGET_AFTER)) && (until == null || until.isBefore(now))
                    ? 0 : ((Number) row[0]).intValue();
            if (until != null && until.isAfter(now) && Duration.between(now, until).compareTo(blockedFor) > 0) {
                blockedFor = Duration.between(now, until);
            }
        }
        if (!blockedFor.isZero()) {
            return Optional.of(blockedFor);
        }
        for (int i = 0; i < sorted.size(); i++) {
            int attempts = counts[i] + 1;
            Optional<Duration> block = LoginThrottleDelays.of(attempts, free(sorted.get(i)), baseDelay, maxDelay);
            em.createNativeQuery("update customers.login_throttle set failures = ?1, last_failure_at = now(), "
                    + "blocked_until = case when ?2 > 0 then now() + make_interval(secs => ?2) else null end where throttle_key = ?3")
                    .setParameter(1, attempts).setParameter(2, block.map(d -> (double) d.toMillis() / 1000).orElse(0.0))
                    .setParameter(3, sorted.get(i)).executeUpdate();
        }
        return Optional.empty();
    }

    /** A successful sign-in: the email's count and block are dropped; the client's attempt is given back. */
    @Transactional(TxType.REQUIRES_NEW)
    public void succeeded(String emailKey, String clientKey) {
        em.createNativeQuery("delete from customers.login_throttle where throttle_key = ?1").setParameter(1, emailKey).executeUpdate();
        em.createNativeQuery("update customers.login_throttle set failures = greatest(failures - 1, 0) where throttle_key = ?1")
                .setParameter(1, clientKey).executeUpdate();
    }

    private int free(String key) {
        return key.startsWith("email:") ? freeEmailFailures : key.startsWith("signup:") ? freeSignUps : freeClientFailures;
    }

    private static Instant instant(Object value) {
        return value == null ? null : value instanceof OffsetDateTime odt ? odt.toInstant()
                : value instanceof java.sql.Timestamp ts ? ts.toInstant() : (Instant) value;
    }
}
