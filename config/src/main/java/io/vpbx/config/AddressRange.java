package io.vpbx.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.Optional;

/**
 * A CIDR block of IPv4 or IPv6 addresses, e.g. {@code 127.0.0.0/8} or {@code fd00::/8}; an address alone is a
 * block of one. Parsed without DNS: only address literals are read. Host bits below the prefix are ignored.
 *
 * @param network the block's first address
 * @param prefix the number of leading bits that must match, 0..32 for IPv4 and 0..128 for IPv6
 */
public record AddressRange(InetAddress network, int prefix) {

    public AddressRange {
        Objects.requireNonNull(network, "network");
        int bits = network.getAddress().length * 8;
        if (prefix < 0 || prefix > bits) {
            throw new IllegalArgumentException("prefix must be 0.." + bits + ", got " + prefix);
        }
    }

    /** The block {@code text} names, or empty when it is no CIDR block of address literals. */
    public static Optional<AddressRange> parse(String text) {
        String trimmed = text.strip();
        int slash = trimmed.indexOf('/');
        String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
        Optional<InetAddress> literal = literal(address);
        if (literal.isEmpty()) {
            return Optional.empty();
        }
        int bits = literal.get().getAddress().length * 8;
        // Java reads ::ffff:a.b.c.d as the IPv4 address it maps: its prefix counts the 96 bits before it
        int mappedBits = address.indexOf(':') >= 0 && bits == 32 ? 96 : 0;
        if (slash < 0) {
            return Optional.of(new AddressRange(literal.get(), bits));
        }
        String prefix = trimmed.substring(slash + 1);
        if (prefix.isEmpty() || prefix.length() > 3 || !prefix.chars().allMatch(c -> c >= '0' && c <= '9')
                || Integer.parseInt(prefix) > bits + mappedBits || Integer.parseInt(prefix) < mappedBits) {
            return Optional.empty();
        }
        return Optional.of(new AddressRange(literal.get(), Integer.parseInt(prefix) - mappedBits));
    }

    /** Whether {@code address} is in this block (an IPv4 address is never in an IPv6 block, nor the reverse). */
    public boolean contains(InetAddress address) {
        byte[] mine = network.getAddress();
        byte[] theirs = address.getAddress();
        if (mine.length != theirs.length) {
            return false;
        }
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (mine[i] != theirs[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xff << (8 - rest) & 0xff;
        return (mine[full] & mask) == (theirs[full] & mask);
    }

    @Override
    public String toString() {
        return network.getHostAddress() + "/" + prefix;
    }

    /** Dotted-quad IPv4 (decimal, no leading zeros) or IPv6 (hex digits, colons, an IPv4 tail): never a lookup. */
    private static Optional<InetAddress> literal(String text) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        if (text.indexOf(':') < 0) {
            String[] parts = text.split("\\.", -1);
            if (parts.length != 4) {
                return Optional.empty();
            }
            byte[] bytes = new byte[4];
            for (int i = 0; i < 4; i++) {
                String part = parts[i];
                if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(c -> c >= '0' && c <= '9')
                        || part.length() > 1 && part.charAt(0) == '0' || Integer.parseInt(part) > 255) {
                    return Optional.empty();
                }
                bytes[i] = (byte) Integer.parseInt(part);
            }
            return byAddress(bytes);
        }
        if (!text.chars().allMatch(c -> c < 0x80 && (Character.digit(c, 16) >= 0 || c == ':' || c == '.'))) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(text));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static Optional<InetAddress> byAddress(byte[] bytes) {
        try {
            return Optional.of(InetAddress.getByAddress(bytes));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
