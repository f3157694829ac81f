package io.shopgraph.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Reserves a loopback port for the tests' webhook receiver and puts exactly 127.0.0.1:<port> on the
 * application's SSRF allowlist (shopgraph.webhooks.allowed-targets), with a second such port: every other loopback or private
 * target stays refused. The receiver itself is started by the tests on that port ({@link #port()}).
 */
public class WebhookReceiverPort implements QuarkusTestResourceLifecycleManager {

    private static final String PORT_PROPERTY = "shopgraph.test.webhook-receiver-port";

    @Override
    public Map<String, String> start() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
                ServerSocket second = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = socket.getLocalPort();
            System.setProperty(PORT_PROPERTY, Integer.toString(port));
            System.setProperty(PORT_PROPERTY + ".2", Integer.toString(second.getLocalPort()));
            return Map.of("shopgraph.webhooks.allowed-targets", "127.0.0.1:" + port + ",127.0.0.1:" + second.getLocalPort());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
    }

    public static int port() {
        return Integer.parseInt(System.getProperty(PORT_PROPERTY));
    }

    /** A second allowlisted port: another endpoint, for tests where two endpoints must not share limits. */
    public static int secondPort() {
        return Integer.parseInt(System.getProperty(PORT_PROPERTY + ".2"));
    }
}
