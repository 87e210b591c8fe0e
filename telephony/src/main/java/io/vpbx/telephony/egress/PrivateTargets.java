package io.vpbx.telephony.egress;

import io.vpbx.config.AddressRange;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * Where hosts given by accounts (a third-party registrar, an external PBX) may not lead: loopback, link-local
 * (169.254.169.254 and fd00:ec2::254, the cloud metadata services, among them), private (RFC 1918, ULA fc00::/7),
 * shared CGNAT space 100.64.0.0/10, multicast, broadcast, "this network" and other reserved ranges, and IPv6
 * addresses that carry one of those IPv4 addresses (mapped, compatible, NAT64, 6to4). The operator opens ranges
 * with {@code security.allowed-private-targets}. Pure: addresses in, decisions out; names are resolved by the
 * caller's {@link HostResolver}, off any event loop.
 */
public final class PrivateTargets {
    private static final List<Named> IPV4 = List.of(
            named("0.0.0.0/8", "the unspecified or 'this network' range"),
            named("10.0.0.0/8", "a private (RFC 1918) address"),
            named("100.64.0.0/10", "a shared carrier-grade NAT (RFC 6598) address"),
            named("127.0.0.0/8", "a loopback address"),
            named("169.254.0.0/16", "a link-local address (cloud metadata lives there)"),
            named("172.16.0.0/12", "a private (RFC 1918) address"),
            named("192.0.0.0/24", "an IETF protocol assignment (RFC 6890) address"),
            named("192.168.0.0/16", "a private (RFC 1918) address"),
            named("198.18.0.0/15", "a benchmarking (RFC 2544) address"),
            named("224.0.0.0/4", "a multicast address"),
            named("240.0.0.0/4", "a reserved or broadcast address"));
    private static final List<Named> IPV6 = List.of(
            named("::/128", "the unspecified address"),
            named("::1/128", "a loopback address"),
            named("100::/64", "a discard-only (RFC 6666) address"),
            named("fc00::/7", "a unique local (private) address"),
            named("fe80::/10", "a link-local address"),
            named("fec0::/10", "a site-local address"),
            named("ff00::/8", "a multicast address"));
    private static final AddressRange COMPATIBLE = AddressRange.parse("::/96").orElseThrow();
    private static final AddressRange NAT64 = AddressRange.parse("64:ff9b::/96").orElseThrow();
    private static final AddressRange SIX_TO_FOUR = AddressRange.parse("2002::/16").orElseThrow();

    private final List<AddressRange> allowed;

    /** @param allowed ranges the operator opened; an address inside one is never refused */
    public PrivateTargets(List<AddressRange> allowed) {
        this.allowed = List.copyOf(allowed);
    }

    /** Why {@code address} may not be contacted for an account, or empty when it may. */
    public Optional<String> refusal(InetAddress address) {
        if (allowed.stream().anyMatch(range -> range.contains(address))) {
            return Optional.empty();
        }
        if (address instanceof Inet4Address) {
            return reserved(IPV4, address);
        }
        Optional<String> own = reserved(IPV6, address);
        if (own.isPresent()) {
            return own;
        }
        return embeddedIpv4((Inet6Address) address).flatMap(this::refusal);
    }

    /**
     * Resolves {@code host} and decides: refused when any of its addresses is refused (a name with one public and
     * one private address could be steered to the private one), allowed with every address otherwise.
     */
    public Decision check(String host, HostResolver resolver) {
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(bare(host));
        } catch (UnknownHostException e) {
            return new Decision.Unresolved();
        }
        if (addresses.isEmpty()) {
            return new Decision.Unresolved();
        }
        for (InetAddress address : addresses) {
            Optional<String> why = refusal(address);
            if (why.isPresent()) {
                return new Decision.Refused(address, why.get());
            }
        }
        return new Decision.Allowed(addresses);
    }

    /** What became of one host. */
    public sealed interface Decision {
        /** Every address may be contacted. */
        record Allowed(List<InetAddress> addresses) implements Decision {
        }

        /** {@code address} (one of the host's) is in a range accounts may not reach. */
        record Refused(InetAddress address, String reason) implements Decision {
        }

        /** The name has no address (now). */
        record Unresolved() implements Decision {
        }
    }

    private static String bare(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static Optional<String> reserved(List<Named> ranges, InetAddress address) {
        return ranges.stream().filter(named -> named.range().contains(address)).map(Named::what).findFirst();
    }

    /** The IPv4 address inside an IPv4-compatible, NAT64 (64:ff9b::/96) or 6to4 (2002::/16) address. */
    private static Optional<InetAddress> embeddedIpv4(Inet6Address address) {
        byte[] bytes = address.getAddress();
        byte[] ipv4 = new byte[4];
        if (COMPATIBLE.contains(address) || NAT64.contains(address)) {
            System.arraycopy(bytes, 12, ipv4, 0, 4);
        } else if (SIX_TO_FOUR.contains(address)) {
            System.arraycopy(bytes, 2, ipv4, 0, 4);
        } else {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByAddress(ipv4));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static Named named(String cidr, String what) {
        return new Named(AddressRange.parse(cidr).orElseThrow(), what);
    }

    private record Named(AddressRange range, String what) {
    }
}
