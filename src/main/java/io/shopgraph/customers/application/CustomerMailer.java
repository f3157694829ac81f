package io.shopgraph.customers.application;

import java.time.Instant;

/** Sends customers their mail. The default implementation only logs; production plugs in a real one. */
public interface CustomerMailer {

    void sendPasswordReset(String email, String resetToken, Instant expiresAt);
}
