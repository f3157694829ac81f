package io.shopgraph.customers;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.test.Mock;
import io.shopgraph.customers.application.CustomerMailer;

/** The mail seam in tests: keeps the last reset token per email so tests can use it like a customer would. */
@Mock
@ApplicationScoped
public class RecordingMailer implements CustomerMailer {

    static final Map<String, String> RESET_TOKENS = new ConcurrentHashMap<>();

    @Override
    public void sendPasswordReset(String email, String resetToken, Instant expiresAt) {
        RESET_TOKENS.put(email, resetToken);
    }
}
