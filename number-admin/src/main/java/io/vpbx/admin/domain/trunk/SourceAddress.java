package io.vpbx.admin.domain.trunk;

import io.vpbx.admin.domain.InvalidFieldException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An IPv4 or IPv6 address a carrier sends from, as a literal (never a host name: no DNS at the edge or
 * on the call path). Kept in one canonical text so that two spellings of one address are one address:
 * IPv4 dotted quad, IPv6 as RFC 5952 writes it (lower case, longest zero run as "::"), an IPv4-mapped
 * IPv6 address as its IPv4 address.
 */
public record SourceAddress(String value) {
    private static final int MAX_LENGTH = 64;

    public static SourceAddress of(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidFieldException(field, "an IPv4 or IPv6 address is required, e.g. 192.0.2.10 or 2001:db8::10");
        }
        String trimmed = text.trim();
        InetAddress address = trimmed.indexOf(':') >= 0 ? ipv6(field, trimmed) : ipv4(field, trimmed);
        if (address.isAnyLocalAddress() || address.isMulticastAddress()) {
            throw new InvalidFieldException(field, "must be a unicast address a carrier can send from, got '" + trimmed + "'");
        }
        return new SourceAddress(address instanceof Inet4Address ? address.getHostAddress() : rfc5952(address.getAddress()));
    }

    /** The address as {@link InetAddress#getHostAddress()} writes it: the form the SIP transport sees a sender in. */
    public String hostAddress() {
        try {
            return InetAddress.getByName(value).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException("not an address literal: " + value, e);
        }
    }

    /** Four decimal octets 0..255 without leading zeros (which some parsers read as octal). */
    private static InetAddress ipv4(String field, String text) {
        String[] parts = text.split("\\.", -1);
        byte[] bytes = new byte[4];
        if (parts.length != 4) {
            throw invalid(field, text);
        }
        for (int i = 0; i < 4; i++) {
            String part = parts[i];
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(c -> c >= '0' && c <= '9')
                    || (part.length() > 1 && part.charAt(0) == '0') || Integer.parseInt(part) > 255) {
                throw invalid(field, text);
            }
            bytes[i] = (byte) Integer.parseInt(part);
        }
        return byBytes(bytes);
    }

    /** Only hex digits, colons and dots reach the parser, so it reads a literal and never asks DNS. */
    private static InetAddress ipv6(String field, String text) {
        if (text.length() > MAX_LENGTH || !text.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.')) {
            throw invalid(field, text);
        }
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw invalid(field, text);
        }
    }

    private static InetAddress byBytes(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** RFC 5952 section 4: no leading zeros, lower case, the longest run (two or more) of zero groups as "::". */
    static String rfc5952(byte[] bytes) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; i++) {
            int length = 0;
            while (i + length < 8 && groups[i + length] == 0) {
                length++;
            }
            if (length > bestLength) {
                bestStart = i;
                bestLength = length;
            }
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }

    private static InvalidFieldException invalid(String field, String text) {
        return new InvalidFieldException(field, "must be an IPv4 or IPv6 address, got '" + text + "'");
    }

    @Override
    public String toString() {
        return value;
    }
}
