package io.shopgraph.payments.application;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The payments module's settings (README's configuration table lists them). */
@ConfigMapping(prefix = "shopgraph.payments")
public interface PaymentsConfig {

    /** How stores' Stripe secrets are encrypted at rest. */
    Encryption encryption();

    /** How ShopGraph talks to Stripe. */
    Stripe stripe();

    /** The job that asks Stripe about payments whose webhook never came. */
    Reconciler reconciler();

    interface Encryption {

        /**
         * AES-256 keys by version (base64 of 32 bytes), e.g. {@code shopgraph.payments.encryption.keys.2=...}. Keep
         * older versions listed until the reconciler's pass has re-encrypted every secret with the current one.
         */
        Map<String, String> keys();

        /** The version new ciphertexts are written with; older versions are still read, and re-encrypted. */
        Optional<String> currentKey();
    }

    interface Stripe {

        /** Stripe's API base URL; only tests point it elsewhere (at WireMock). */
        @WithDefault("https://api.stripe.com")
        String apiBase();

        /** How old a signed webhook may be (Stripe's own default: 300 s). */
        @WithDefault("PT300S")
        Duration webhookTolerance();

        /** Connect and read timeout of one call to Stripe. */
        @WithDefault("PT10S")
        Duration timeout();

        /** stripe-java's own retries of a failed call (with the same idempotency key, so they are safe). */
        @WithDefault("1")
        int maxNetworkRetries();

        /** Largest webhook body accepted. */
        @WithDefault("262144")
        int maxWebhookBytes();
    }

    interface Reconciler {

        /** How often the reconciler runs. */
        @WithDefault("5m")
        String every();

        /** A Stripe payment still pending or processing this long after its last change is asked about. */
        @WithDefault("PT15M")
        Duration minAge();

        /** Most payments asked about per store and run. */
        @WithDefault("100")
        int batch();
    }
}
