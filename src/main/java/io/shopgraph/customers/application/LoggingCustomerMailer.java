package io.shopgraph.customers.application;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.arc.DefaultBean;
import io.quarkus.runtime.LaunchMode;

/**
 * The mailer when none is configured: in dev (and test) it logs the reset token so a developer can
 * use it; in production it logs only that a mail could not be sent, never the token.
 */
@DefaultBean
@ApplicationScoped
public class LoggingCustomerMailer implements CustomerMailer {

    private static final Logger LOG = Logger.getLogger(LoggingCustomerMailer.class);

    @Override
    public void sendPasswordReset(String email, String resetToken, Instant expiresAt) {
        if (LaunchMode.current().isDevOrTest()) {
            LOG.infof("Password reset for %s: resetToken=%s (until %s)", email, resetToken, expiresAt);
        } else {
            LOG.warn("No customer mailer is configured: a password reset mail was not sent.");
        }
    }
}
