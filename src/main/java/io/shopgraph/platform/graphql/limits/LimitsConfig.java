package io.shopgraph.platform.graphql.limits;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Execution bounds of every GraphQL request: cost, deadline and rate (README, docs/limits.md). */
@ConfigMapping(prefix = "shopgraph.limits")
public interface LimitsConfig {

    /** The highest static cost one request may have (Shopify's single-query maximum is 1000). */
    @WithDefault("1000")
    long maxCost();

    /** How long one request may execute; its SQL statements get the remaining time as statement_timeout. */
    @WithDefault("5s")
    Duration deadline();

    /** The deadline of requests of authenticated merchant principals (imports and bulk edits take longer). */
    @WithDefault("60s")
    Duration merchantDeadline();

    /** The deepest nesting of the JSON request body (objects and arrays). */
    @WithDefault("64")
    int maxJsonDepth();

    Rate rate();

    interface Rate {

        /** Whether requests are rate limited (bench/ turns it off to measure the service itself). */
        @WithDefault("true")
        boolean enabled();

        /** Callers without any credential, per client address. */
        Bucket anonymous();

        /** Storefront calls, per storefront token and client address. */
        Bucket storefront();

        /** Signed-in customers, per customer token. */
        Bucket customer();

        /** Staff members, per OIDC issuer and subject. */
        Bucket merchant();

        /** Partner apps, per OIDC client id. */
        Bucket app();

        /** At most this many buckets are kept per instance; the fullest are dropped first. */
        @WithDefault("100000")
        int maxBuckets();
    }

    interface Bucket {
        /** The most cost a caller can spend at once (the bucket size). */
        long capacity();

        /** Cost points restored per second (the leak rate). */
        long restorePerSecond();
    }
}
