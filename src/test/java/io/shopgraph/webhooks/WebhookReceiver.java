package io.shopgraph.webhooks;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.shopgraph.testing.WebhookReceiverPort;

/**
 * A real HTTP endpoint on loopback for webhook tests (the one allowlisted target). The first path
 * segment says how it answers: {@code ok} 200, {@code fail3} 500 three times per path then 200,
 * {@code fail} 500 while the path is in {@link #failing}, {@code redirect} 302 to {@link #redirectTo},
 * {@code slow} waits for {@link #slowGate} first. A {@link #trap()} server (not allowlisted) must never be reached.
 */
public final class WebhookReceiver {

    /** One request as received. */
    public record Received(String path, Map<String, String> headers, String body, long receivedAtNanos) {

        public String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    private static WebhookReceiver shared;
    private static WebhookReceiver second;
    private static HttpServer trapServer;
    private static final List<Received> TRAPPED = new CopyOnWriteArrayList<>();

    final List<Received> received = new CopyOnWriteArrayList<>();
    final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    public final Set<String> failing = ConcurrentHashMap.newKeySet();
    public volatile String redirectTo = "http://127.0.0.1:1/";
    public volatile CountDownLatch slowGate = new CountDownLatch(0);
    public final AtomicInteger slowInFlight = new AtomicInteger();
    public final AtomicInteger slowMaxInFlight = new AtomicInteger();
    private final int port;

    private WebhookReceiver(int port) throws IOException {
        this.port = port;
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.createContext("/", this::handle);
        server.start();
    }

    public static synchronized WebhookReceiver shared() {
        if (shared == null) {
            try {
                shared = new WebhookReceiver(WebhookReceiverPort.port());
                trapServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
                trapServer.createContext("/", exchange -> {
                    TRAPPED.add(new Received(exchange.getRequestURI().getPath(), Map.of(), "", System.nanoTime()));
                    exchange.sendResponseHeaders(200, -1);
                    exchange.close();
                });
                trapServer.start();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return shared;
    }

    /** A receiver on the second allowlisted port: another endpoint. */
    public static synchronized WebhookReceiver second() {
        shared();
        if (second == null) {
            try {
                second = new WebhookReceiver(WebhookReceiverPort.secondPort());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return second;
    }

    /** The base URL of the allowlisted receiver. */
    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** A loopback server that is not allowlisted: any request reaching it is an SSRF hole. */
    public static String trap() {
        shared();
        return "http://127.0.0.1:" + trapServer.getAddress().getPort() + "/";
    }

    public static List<Received> trapped() {
        return TRAPPED;
    }

    public List<Received> at(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, String> headers = new ConcurrentHashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), String.join(",", v)));
        String kind = path.split("/").length > 1 ? path.split("/")[1] : "";
        int status = 200;
        if (kind.equals("slow")) {
            int now = slowInFlight.incrementAndGet();
            slowMaxInFlight.accumulateAndGet(now, Math::max);
            try {
                slowGate.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                slowInFlight.decrementAndGet();
            }
        }
        received.add(new Received(path, headers, body, System.nanoTime()));
        int n = counts.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
        if (kind.equals("fail3") && n <= 3 || kind.equals("fail") && failing.contains(path)) {
            status = 500;
        }
        if (kind.equals("redirect")) {
            exchange.getResponseHeaders().add("Location", redirectTo);
            status = 302;
        }
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }
}
