package io.shopgraph.testing;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Stripe's HTTP API for tests: an in-process WireMock on a random loopback port, and the application's
 * {@code shopgraph.payments.stripe.api-base} pointed at it, so the real stripe-java client makes real HTTP
 * calls. Tests stub and verify requests through {@link #server()}.
 */
public class StripeWireMock implements QuarkusTestResourceLifecycleManager {

    private static volatile WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort()
                .containerThreads(40).jettyAcceptors(2));
        server.start();
        return Map.of("shopgraph.payments.stripe.api-base", "http://127.0.0.1:" + server.port(),
                "shopgraph.payments.stripe.max-network-retries", "0");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    public static WireMockServer server() {
        return server;
    }
}
