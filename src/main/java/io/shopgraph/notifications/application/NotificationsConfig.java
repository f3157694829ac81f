package io.shopgraph.notifications.application;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Settings of order notifications ({@code shopgraph.notifications.*}); README's configuration table lists them. The
 * SMTP server itself is quarkus-mailer's ({@code quarkus.mailer.*}, see docs/notifications.md).
 */
@ConfigMapping(prefix = "shopgraph.notifications")
public interface NotificationsConfig {

    /** Whether this instance sends queued mails. Any number of instances may (claims are leases). */
    @WithDefault("true")
    boolean senderEnabled();

    /** The From address of every mail; the display name is the store's name and Reply-To its contact email. */
    @WithDefault("orders@shopgraph.invalid")
    String fromAddress();

    /** How often the sender looks for due mails when nothing woke it (retries, other instances' mails). */
    @WithDefault("2s")
    Duration pollInterval();

    /** Mails of one store claimed per round, so one busy store does not hold up the others. */
    @WithDefault("20")
    int batchSize();

    /**
     * Mails of a claimed batch in conversation with the mail server at once (no database connection is held meanwhile).
     * One at a time, an SMTP conversation's round trips made about ten mails a second on a busy two-core machine, far
     * behind the two mails of each of 100 checkouts a second.
     */
    @WithDefault("8")
    int sendConcurrency();

    /** How long a claimed mail is held by its sender before another may take it (longer than an SMTP send may take). */
    @WithDefault("2m")
    Duration lease();

    /** First retry delay after a failed attempt; doubled per attempt, with jitter. */
    @WithDefault("30s")
    Duration retryInitialBackoff();

    /** Longest delay between two attempts. */
    @WithDefault("1h")
    Duration retryMaxBackoff();

    /** Attempts before a mail is given up (FAILED, visible on the order). */
    @WithDefault("8")
    int maxAttempts();
}
