package io.shopgraph.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real OIDC issuer for tests, on 127.0.0.1: discovery document and JWKS over HTTP, RS256 tokens
 * signed with its own key. The application validates them exactly as it would a production
 * issuer's; nothing in the security layer is switched off.
 */
public class LocalOidcIssuer implements QuarkusTestResourceLifecycleManager {

    public static final String AUDIENCE = "shopgraph";
    private static final String KEY_ID = "test-key-1";
    private static final String ISSUER_PROPERTY = "shopgraph.test.oidc.issuer";
    private static final String KEY_PROPERTY = "shopgraph.test.oidc.private-key";

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            KeyPair keys = newKeyPair();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            String issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/issuer";
            server.createContext("/issuer/.well-known/openid-configuration", exchange -> respond(exchange,
                    "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + issuer + "/jwks\",\"token_endpoint\":\"" + issuer
                            + "/token\",\"id_token_signing_alg_values_supported\":[\"RS256\"]}"));
            server.createContext("/issuer/jwks", exchange -> respond(exchange, jwks((RSAPublicKey) keys.getPublic())));
            server.start();
            System.setProperty(ISSUER_PROPERTY, issuer);
            System.setProperty(KEY_PROPERTY, Base64.getEncoder().encodeToString(keys.getPrivate().getEncoded()));
            return Map.of("quarkus.oidc.auth-server-url", issuer,
                    "quarkus.oidc.token.audience", AUDIENCE,
                    "quarkus.oidc.discovery-enabled", "true");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    public static String issuer() {
        return System.getProperty(ISSUER_PROPERTY);
    }

    /** A valid access token for {@code subject} from this issuer, for one hour. */
    public static String token(String subject) {
        return token(Map.of("sub", subject));
    }

    /** A token with the standard claims, overridden or extended by {@code claims}. */
    public static String token(Map<String, Object> claims) {
        Map<String, Object> all = new LinkedHashMap<>();
        Instant now = Instant.now();
        all.put("iss", issuer());
        all.put("aud", AUDIENCE);
        all.put("iat", now.getEpochSecond());
        all.put("exp", now.plus(Duration.ofHours(1)).getEpochSecond());
        all.putAll(claims);
        return sign(all, privateKey());
    }

    /** A well-formed token signed by a key this issuer never published. */
    public static String tokenSignedByAnotherKey(String subject) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer());
        claims.put("aud", AUDIENCE);
        claims.put("sub", subject);
        claims.put("exp", Instant.now().plusSeconds(3600).getEpochSecond());
        return sign(claims, newKeyPair().getPrivate());
    }

    /** An unsigned token ({@code alg: none}) with valid-looking claims. */
    public static String unsignedToken(String subject) {
        String header = base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String payload = base64Url(json(Map.of("iss", issuer(), "aud", AUDIENCE, "sub", subject,
                "exp", Instant.now().plusSeconds(3600).getEpochSecond())));
        return header + "." + payload + ".";
    }

    private static String sign(Map<String, Object> claims, PrivateKey key) {
        try {
            String header = base64Url("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + KEY_ID + "\"}");
            String payload = base64Url(json(claims));
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static PrivateKey privateKey() {
        try {
            byte[] encoded = Base64.getDecoder().decode(System.getProperty(KEY_PROPERTY));
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(encoded));
        } catch (Exception e) {
            throw new IllegalStateException("The local OIDC issuer is not running", e);
        }
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String jwks(RSAPublicKey key) {
        return "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"" + KEY_ID + "\",\"n\":\""
                + unsigned(key.getModulus()) + "\",\"e\":\"" + unsigned(key.getPublicExponent()) + "\"}]}";
    }

    private static String unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String json(Map<String, Object> claims) {
        return claims.entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\":" + value(e.getValue()))
                .collect(Collectors.joining(",", "{", "}"));
    }

    private static String value(Object value) {
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof Iterable<?> items) {
            StringBuilder out = new StringBuilder("[");
            for (Object item : items) {
                out.append(out.length() > 1 ? "," : "").append(value(item));
            }
            return out.append(']').toString();
        }
        return "\"" + value.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String base64Url(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static void respond(com.sun.net.httpserver.HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
