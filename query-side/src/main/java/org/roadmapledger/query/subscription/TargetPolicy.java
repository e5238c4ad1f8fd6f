package org.roadmapledger.query.subscription;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where webhooks may go: {@code https} to a public address. Private, loopback, link-local (the cloud metadata
 * service at 169.254.169.254 among them), unique-local, carrier-grade NAT, multicast, reserved, benchmarking and
 * unspecified addresses are refused, also when an IPv6 address carries one (mapped, NAT64, 6to4), whatever name leads to them: every address the name resolves to is checked, at registration and
 * again before each delivery (a name that resolved to a public address may later resolve to a private one).
 * Exceptions: hosts and networks of the allow-list ({@code ledger.webhooks.allowed-targets}), and, for
 * development, loopback, also over plain {@code http}, when {@code ledger.webhooks.allow-loopback} is set.
 *
 * <p>The check and the connection resolve the name separately: a name whose answer changes between the two within
 * its time-to-live can still reach a refused address once. Receivers inside a private network belong in the
 * allow-list.
 */
final class TargetPolicy {

    private final boolean allowLoopback;
    private final List<String> allowedHosts;
    private final List<Network> allowedNetworks;
    private final Function<String, InetAddress[]> resolver;

    TargetPolicy(boolean allowLoopback, List<String> allowedTargets) {
        this(allowLoopback, allowedTargets, TargetPolicy::resolve);
    }

    TargetPolicy(boolean allowLoopback, List<String> allowedTargets, Function<String, InetAddress[]> resolver) {
        this.allowLoopback = allowLoopback;
        List<String> targets = allowedTargets == null ? List.of()
                : allowedTargets.stream().map(String::trim).filter(t -> !t.isEmpty()).toList();
        this.allowedHosts = targets.stream().filter(t -> !t.contains("/"))
                .map(t -> t.toLowerCase(Locale.ROOT)).toList();
        this.allowedNetworks = targets.stream().filter(t -> t.contains("/")).map(Network::parse).toList();
        this.resolver = resolver;
    }

    /** Why the target is refused, in words the subscriber may read; empty when it may receive webhooks. */
    Optional<String> refusal(URI target) {
        String host = target.getHost();
        if (host == null) {
            return Optional.of("has no host");
        }
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses = resolver.apply(bare);
        if (addresses == null || addresses.length == 0) {
            return Optional.of("its host " + host + " does not resolve");
        }
        boolean listed = allowedHosts.contains(bare.toLowerCase(Locale.ROOT));
        boolean loopback = Arrays.stream(addresses).allMatch(InetAddress::isLoopbackAddress);
        String scheme = target.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(loopback && allowLoopback)) {
            return Optional.of("must be https (plain http only to loopback, when allowed for development)");
        }
        for (InetAddress address : addresses) {
            if (listed || allowedNetworks.stream().anyMatch(n -> n.contains(address))) {
                continue;
            }
            if (address.isLoopbackAddress() && allowLoopback) {
                continue;
            }
            Optional<String> kind = restricted(address);
            if (kind.isPresent()) {
                return Optional.of("its host " + host + " resolves to a " + kind.get() + " address, where webhooks "
                        + "are not sent unless allowed (ledger.webhooks.allowed-targets)");
            }
        }
        return Optional.empty();
    }

    static Optional<String> restricted(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return Optional.of("loopback");
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of("link-local");
        }
        if (address.isSiteLocalAddress()) {
            return Optional.of("private");
        }
        if (address.isAnyLocalAddress()) {
            return Optional.of("unspecified");
        }
        if (address.isMulticastAddress()) {
            return Optional.of("multicast");
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address && (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64) {
            return Optional.of("carrier-grade NAT");
        }
        if (address instanceof Inet4Address && (bytes[0] & 0xff) == 0) {
            return Optional.of("unspecified");
        }
        if (address instanceof Inet4Address && ((bytes[0] & 0xf0) == 0xf0)) {
            return Optional.of("reserved");
        }
        if (address instanceof Inet4Address && (bytes[0] & 0xff) == 198 && (bytes[1] & 0xfe) == 18) {
            return Optional.of("benchmarking");
        }
        if (address instanceof Inet6Address) {
            if ((bytes[0] & 0xfe) == 0xfc) {
                return Optional.of("unique-local");
            }
            // addresses that carry an IPv4 address and reach it: IPv4-compatible and -mapped, NAT64, 6to4
            byte[] carried = isIpv4Embedded(bytes) || isNat64(bytes) ? Arrays.copyOfRange(bytes, 12, 16)
                    : (bytes[0] & 0xff) == 0x20 && (bytes[1] & 0xff) == 0x02 ? Arrays.copyOfRange(bytes, 2, 6) : null;
            if (carried != null) {
                try {
                    return restricted(InetAddress.getByAddress(carried));
                } catch (UnknownHostException impossible) {
                    return Optional.of("malformed");
                }
            }
        }
        return Optional.empty();
    }

    // ::a.b.c.d (IPv4-compatible) and ::ffff:a.b.c.d (IPv4-mapped) reach the IPv4 address they carry
    private static boolean isIpv4Embedded(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return (bytes[10] == 0 && bytes[11] == 0) || (bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff);
    }

    // 64:ff9b::/96, the well-known NAT64 prefix
    private static boolean isNat64(byte[] bytes) {
        if ((bytes[0] & 0xff) != 0x00 || (bytes[1] & 0xff) != 0x64 || (bytes[2] & 0xff) != 0xff
                || (bytes[3] & 0xff) != 0x9b) {
            return false;
        }
        for (int i = 4; i < 12; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static InetAddress[] resolve(String host) {
        try {
            return InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return new InetAddress[0];
        }
    }

    /** A network of the allow-list, {@code 10.1.0.0/16} or {@code fd00::/8}. */
    record Network(byte[] prefix, int bits) {

        static Network parse(String cidr) {
            String[] parts = cidr.split("/", 2);
            try {
                return new Network(InetAddress.getByName(parts[0]).getAddress(), Integer.parseInt(parts[1]));
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException("ledger.webhooks.allowed-targets: " + cidr
                        + " is neither a host nor a network such as 10.1.0.0/16", e);
            }
        }

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != prefix.length) {
                return false;
            }
            for (int bit = 0; bit < bits; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((bytes[bit / 8] & mask) != (prefix[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
