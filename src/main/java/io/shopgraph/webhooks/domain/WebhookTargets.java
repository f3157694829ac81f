package io.shopgraph.webhooks.domain;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where webhooks may be sent (SSRF rules), checked when a subscription is registered and again before
 * every delivery, because DNS answers change. A target must be an absolute http(s) URL without
 * credentials (https only when {@code requireHttps}), whose host is not a local name and resolves only to
 * public unicast addresses: loopback, private, shared (CGNAT), link-local (with cloud metadata
 * 169.254.169.254), multicast, reserved, documentation and IPv6 unique-local addresses are refused, also
 * when embedded in IPv6 (mapped, compatible, NAT64, 6to4). IPv4 written in any other way than four
 * decimal parts (2130706433, 0x7f.1, 0177.0.0.1) is refused outright, and so are special-use names
 * (localhost, .local, .internal, .invalid, .test, cloud metadata names) without asking DNS: other HTTP stacks would read them
 * as addresses. {@code allowedTargets} ({@code host:port}) exempts exact targets (tests' loopback receiver).
 */
public final class WebhookTargets {

    /** Resolves a host name to its addresses (the JDK's resolver in production). */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private static final Pattern NUMERIC_LABEL = Pattern.compile("(?i)0x[0-9a-f]*|[0-9]+");
    private static final Pattern DOTTED_DECIMAL = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Set<String> LOCAL_NAMES = Set.of("localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback",
            "metadata", "metadata.google.internal", "instance-data", "instance-data.ec2.internal");

    private final boolean requireHttps;
    private final Set<String> allowedTargets;
    private final Resolver resolver;

    public WebhookTargets(boolean requireHttps, Set<String> allowedTargets, Resolver resolver) {
        this.requireHttps = requireHttps;
        this.allowedTargets = Set.copyOf(allowedTargets);
        this.resolver = resolver;
    }

    /** Why {@code url} may not be a webhook target; empty when it may. */
    public Optional<String> refusal(String url) {
        if (url == null || url.isBlank() || url.length() > 2048) {
            return Optional.of("The URL must have 1 to 2048 characters.");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            return Optional.of("The URL is not valid.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return Optional.of("The URL must start with https://.");
        }
        if (requireHttps && !scheme.equals("https")) {
            return Optional.of("The URL must use https.");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("The URL must not contain credentials.");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            return Optional.of("The URL has no valid host.");
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        if (allowedTargets.contains(host + ":" + port)) {
            return Optional.empty();
        }
        if (LOCAL_NAMES.contains(host) || host.endsWith(".localhost") || host.endsWith(".local") || host.endsWith(".internal")
                || host.endsWith(".invalid") || host.endsWith(".test") || host.equals("invalid") || host.equals("test")) {
            return Optional.of("The host " + host + " is a local name.");
        }
        InetAddress[] addresses;
        try {
            if (host.startsWith("[")) {
                addresses = new InetAddress[] { InetAddress.getByName(host) }; // an IPv6 literal: parsed, not looked up
            } else if (NUMERIC_LABEL.matcher(host.substring(host.lastIndexOf('.') + 1)).matches()) {
                // A last label that is a number makes the whole host an IPv4 address to URL parsers (WHATWG).
                if (!DOTTED_DECIMAL.matcher(host).matches()) {
                    return Optional.of("The host " + host + " is an IP address in an unusual spelling; write it as a name or a.b.c.d.");
                }
                addresses = new InetAddress[] { InetAddress.getByName(host) };
            } else {
                addresses = resolver.resolve(host);
            }
        } catch (UnknownHostException e) {
            return Optional.of("The host " + host + " cannot be resolved.");
        }
        if (addresses == null || addresses.length == 0) {
            return Optional.of("The host " + host + " cannot be resolved.");
        }
        for (InetAddress address : addresses) {
            Optional<String> why = forbidden(address);
            if (why.isPresent()) {
                return Optional.of("The host " + host + " resolves to " + address.getHostAddress() + ", " + why.get()
                        + ": webhooks go to public addresses only.");
            }
        }
        return Optional.empty();
    }

    /** Why an address is not a public unicast one; empty when it is. */
    static Optional<String> forbidden(InetAddress address) {
        if (address instanceof Inet4Address v4) {
            return forbidden4(v4.getAddress());
        }
        byte[] b = address.getAddress();
        Inet6Address v6 = (Inet6Address) address;
        if (v6.isAnyLocalAddress()) {
            return Optional.of("an unspecified address");
        }
        if (v6.isLoopbackAddress()) {
            return Optional.of("a loopback address");
        }
        if (v6.isLinkLocalAddress() || v6.isSiteLocalAddress()) {
            return Optional.of("a link-local or site-local address");
        }
        if (v6.isMulticastAddress()) {
            return Optional.of("a multicast address");
        }
        if ((b[0] & 0xfe) == 0xfc) {
            return Optional.of("a unique-local (private) address");
        }
        boolean zeroPrefix = true;
        for (int i = 0; i < 10; i++) {
            zeroPrefix &= b[i] == 0;
        }
        if (zeroPrefix && ((b[10] == 0 && b[11] == 0) || (b[10] == (byte) 0xff && b[11] == (byte) 0xff))) {
            return forbidden4(new byte[] { b[12], b[13], b[14], b[15] }).map(w -> "an IPv4-embedding address of " + w); // compatible / mapped
        }
        if (b[0] == 0 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b) {
            return forbidden4(new byte[] { b[12], b[13], b[14], b[15] }).map(w -> "a NAT64 address of " + w);
        }
        if (b[0] == 0x20 && b[1] == 0x02) {
            return forbidden4(new byte[] { b[2], b[3], b[4], b[5] }).map(w -> "a 6to4 address of " + w);
        }
        if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0 && b[3] == 0) {
            return Optional.of("a Teredo address");
        }
        if (b[0] == 0x01 && b[1] == 0 && b[2] == 0 && b[3] == 0) {
            return Optional.of("a discard-only address");
        }
        return Optional.empty();
    }

    private static Optional<String> forbidden4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        int a2 = b[2] & 0xff;
        if (a0 == 0) {
            return Optional.of("a 'this network' address");
        }
        if (a0 == 127) {
            return Optional.of("a loopback address");
        }
        if (a0 == 10 || a0 == 172 && (a1 & 0xf0) == 16 || a0 == 192 && a1 == 168) {
            return Optional.of("a private address");
        }
        if (a0 == 169 && a1 == 254) {
            return Optional.of("a link-local address (cloud metadata lives there)");
        }
        if (a0 == 100 && (a1 & 0xc0) == 64) {
            return Optional.of("a shared (carrier-grade NAT) address");
        }
        if (a0 >= 224) {
            return Optional.of(a0 < 240 ? "a multicast address" : "a reserved or broadcast address");
        }
        if (a0 == 192 && a1 == 0 && (a2 == 0 || a2 == 2) || a0 == 198 && (a1 & 0xfe) == 18 || a0 == 198 && a1 == 51 && a2 == 100
                || a0 == 203 && a1 == 0 && a2 == 113) {
            return Optional.of("a reserved or documentation address");
        }
        return Optional.empty();
    }
}
