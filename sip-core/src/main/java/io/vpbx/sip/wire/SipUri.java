package io.vpbx.sip.wire;

import java.util.Locale;

/**
 * The parts of a sip:/sips: URI that choosing a next hop needs (RFC 3261 section 19.1).
 *
 * @param user the user part, or null
 * @param host lower-case host, IPv6 references with brackets
 * @param port the port, -1 when absent
 * @param transport the transport parameter, lower case, or null
 * @param looseRouting whether the lr parameter is present
 * @param secure sips: scheme
 */
public record SipUri(String user, String host, int port, String transport, boolean looseRouting, boolean secure) {

    /** Reads a sip or sips URI, or null for anything else. */
    public static SipUri parse(String uri) {
        if (uri == null) {
            return null;
        }
        boolean secure;
        int rest;
        if (uri.regionMatches(true, 0, "sip:", 0, 4)) {
            secure = false;
            rest = 4;
        } else if (uri.regionMatches(true, 0, "sips:", 0, 5)) {
            secure = true;
            rest = 5;
        } else {
            return null;
        }
        int length = uri.length();
        // '@' appears unescaped only between userinfo and host (section 25.1), while the user part may hold ';'
        // and '?' of its own: the host, parameters and headers are found after it
        int at = uri.indexOf('@', rest);
        String user = null;
        int hostStart = rest;
        if (at >= rest) {
            int colon = uri.indexOf(':', rest);
            user = uri.substring(rest, colon >= 0 && colon < at ? colon : at);
            hostStart = at + 1;
        }
        int paramsAt = uri.indexOf(';', hostStart);
        int headersAt = uri.indexOf('?', hostStart);
        if (paramsAt > headersAt && headersAt >= 0) {
            // a ';' among the headers is no parameter
            paramsAt = -1;
        }
        int end = paramsAt >= 0 ? paramsAt : headersAt >= 0 ? headersAt : length;
        int hostEnd;
        int port = -1;
        if (hostStart < end && uri.charAt(hostStart) == '[') {
            int close = uri.indexOf(']', hostStart);
            if (close < 0 || close >= end) {
                return null;
            }
            hostEnd = close + 1;
            if (hostEnd < end) {
                if (uri.charAt(hostEnd) != ':') {
                    return null;
                }
                port = port(uri, hostEnd + 1, end);
            }
        } else {
            int colon = uri.indexOf(':', hostStart);
            hostEnd = colon >= 0 && colon < end ? colon : end;
            if (hostEnd < end) {
                port = port(uri, hostEnd + 1, end);
            }
        }
        if (hostEnd == hostStart || port == 0) {
            return null;
        }
        String transport = null;
        boolean lr = false;
        if (paramsAt >= 0) {
            int paramsEnd = headersAt >= 0 ? headersAt : length;
            int t = Addresses.indexOfParameter(uri, paramsAt, paramsEnd, "transport");
            if (t >= 0) {
                int stop = uri.indexOf(';', t);
                stop = stop >= 0 && stop < paramsEnd ? stop : paramsEnd;
                int from = Text.skipWhitespace(uri, t, stop);
                transport = uri.substring(from, Text.trimEnd(uri, from, stop)).toLowerCase(Locale.ROOT);
            }
            lr = hasFlag(uri, paramsAt, paramsEnd, "lr");
        }
        return new SipUri(user, Text.lowerCase(uri, hostStart, hostEnd), port, transport, lr, secure);
    }

    /** The port a request to this URI goes to when none is written (no DNS SRV for IP literals). */
    public int portOrDefault() {
        return port > 0 ? port : secure || "tls".equals(transport) ? 5061 : 5060;
    }

    /** The port at {@code [from, to)}, 0 when it is none. */
    private static int port(String text, int from, int to) {
        long n = Text.digits(text, from, to, 5);
        return n < 0 || n > 65535 ? 0 : (int) n;
    }

    /** Whether a parameter among {@code ;a;b=c} at {@code [from, to)} is {@code name} or {@code name=...}. */
    private static boolean hasFlag(String text, int from, int to, String name) {
        int start = from;
        while (start < to) {
            int semicolon = text.indexOf(';', start);
            int end = semicolon >= 0 && semicolon < to ? semicolon : to;
            int s = Text.skipWhitespace(text, start, end);
            int e = Text.trimEnd(text, s, end);
            if (Text.is(text, s, e, name)
                    || e - s >= name.length() + 1 && Text.is(text, s, s + name.length(), name) && text.charAt(s + name.length()) == '=') {
                return true;
            }
            start = end + 1;
        }
        return false;
    }
}
