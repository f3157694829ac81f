package io.shopgraph.checkout.application.pricing;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.shopgraph.checkout.application.CheckoutConfig;
import io.shopgraph.checkout.domain.discount.DiscountErrorCode;
import io.shopgraph.platform.errors.DomainException;

/**
 * Limits guessing of discount codes: per shopper session (or cart) and per client, a token bucket (bucket4j, like
 * the request rate limits) of unknown codes. An attempt that brings a new code <b>takes</b> a token from each of its
 * buckets before the code is looked up, so parallel guesses cannot all slip through between a check and a count;
 * the token is given back unless the attempt failed with NOT_FOUND. So only unknown codes count, a shopper trying a
 * real code that does not apply yet is never slowed down, and removing codes is never throttled. The state is in this
 * instance's memory: behind N replicas a client may try up to N times the allowance (docs/pricing.md).
 */
@ApplicationScoped
public class CodeGuessThrottle {

    /** Refused: the attempt was not evaluated; {@code retryAfter} is when one more attempt is allowed. */
    public static final class Throttled extends DomainException {

        private final Duration retryAfter;

        Throttled(Duration retryAfter) {
            super(DiscountErrorCode.THROTTLED, List.of("discountCodes"), "Too many unknown codes were tried; retry in "
                    + seconds(retryAfter) + " s.");
            this.retryAfter = retryAfter;
        }

        public int retryAfterSeconds() {
            return seconds(retryAfter);
        }

        private static int seconds(Duration d) {
            return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (d.toMillis() + 999) / 1000));
        }
    }

    /** The tokens one attempt holds; {@link #giveBack()} unless the attempt turned out to be a guess. */
    public record Attempt(List<Bucket> held) {
        public void giveBack() {
            held.forEach(b -> b.addTokens(1));
        }

        /** The attempt tried {@code unknown} unknown codes at once: each counts, down to an empty allowance. */
        public void countUnknown(int unknown) {
            if (unknown > 1) {
                held.forEach(b -> b.tryConsume(Math.min(unknown - 1, Math.max(1, b.getAvailableTokens()))));
            }
        }
    }

    private final CheckoutConfig.CodeGuesses config;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    CodeGuessThrottle(CheckoutConfig config) {
        this.config = config.codeGuesses();
    }

    /**
     * Takes one token for the session key and one for the client key (null: none), or throws {@link Throttled} with
     * nothing taken when either is spent.
     */
    public Attempt take(String sessionKey, String clientKey) {
        if (buckets.size() >= config.maxKeys()) {
            evictFull();
        }
        Bucket session = bucket("session|" + sessionKey, config.perSession());
        ConsumptionProbe first = session.tryConsumeAndReturnRemaining(1);
        if (!first.isConsumed()) {
            throw new Throttled(Duration.ofNanos(first.getNanosToWaitForRefill()));
        }
        if (clientKey == null) {
            return new Attempt(List.of(session));
        }
        Bucket client = bucket("client|" + clientKey, config.perClient());
        ConsumptionProbe second = client.tryConsumeAndReturnRemaining(1);
        if (!second.isConsumed()) {
            session.addTokens(1);
            throw new Throttled(Duration.ofNanos(second.getNanosToWaitForRefill()));
        }
        return new Attempt(List.of(session, client));
    }

    private Bucket bucket(String key, int capacity) {
        return buckets.computeIfAbsent(key, k -> Bucket.builder().addLimit(Bandwidth.builder().capacity(capacity)
                .refillGreedy(capacity, config.refillPeriod()).build()).build());
    }

    /** Full buckets carry nothing worth keeping (a new bucket starts full); under a flood of keys, forgetting beats growing. */
    private void evictFull() {
        buckets.entrySet().removeIf(e -> e.getValue().getAvailableTokens() >= (e.getKey().startsWith("session|")
                ? config.perSession() : config.perClient()));
        if (buckets.size() >= config.maxKeys()) {
            buckets.clear();
        }
    }
}
