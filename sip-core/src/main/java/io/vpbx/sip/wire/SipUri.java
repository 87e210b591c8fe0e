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
        // '@' appears unescaped only between userinfo and host (section 25.1), while the user part may hold ';'
        // and '?' of its own: the host, parameters and headers are found after it
        int at = uri.indexOf('@', rest);
        String user = null;
        int hostStart = rest;
        if (at >= rest) {
            String userInfo = uri.substring(rest, at);
            int colon = userInfo.indexOf(':');
            user = colon < 0 ? userInfo : userInfo.substring(0, colon);
            hostStart = at + 1;
        }
        int paramsAt = uri.indexOf(';', hostStart);
        int headersAt = uri.indexOf('?', hostStart);
        if (paramsAt > headersAt && headersAt >= 0) {
            // a ';' among the headers is no parameter
            paramsAt = -1;
        }
        int end = paramsAt >= 0 ? paramsAt : headersAt >= 0 ? headersAt : uri.length();
        String hostPort = uri.substring(hostStart, end);
        String host;
        int port = -1;
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            if (close < 0) {
                return null;
            }
            host = hostPort.substring(0, close + 1);
            if (close + 1 < hostPort.length()) {
                if (hostPort.charAt(close + 1) != ':') {
                    return null;
                }
                port = port(hostPort.substring(close + 2));
            }
        } else {
            int colon = hostPort.indexOf(':');
            host = colon < 0 ? hostPort : hostPort.substring(0, colon);
            if (colon >= 0) {
                port = port(hostPort.substring(colon + 1));
            }
        }
        if (host.isEmpty() || port == 0) {
            return null;
        }
        String params = paramsAt < 0 ? "" : uri.substring(paramsAt, headersAt >= 0 ? headersAt : uri.length());
        String transport = null;
        int t = Addresses.indexOfParameter(params, "transport");
        if (t >= 0) {
            int stop = params.indexOf(';', t);
            transport = (stop < 0 ? params.substring(t) : params.substring(t, stop)).strip().toLowerCase(Locale.ROOT);
        }
        boolean lr = hasFlag(params, "lr");
        return new SipUri(user, host.toLowerCase(Locale.ROOT), port, transport, lr, secure);
    }

    /** The port a request to this URI goes to when none is written (no DNS SRV for IP literals). */
    public int portOrDefault() {
        return port > 0 ? port : secure || "tls".equals(transport) ? 5061 : 5060;
    }

    private static int port(String digits) {
        if (digits.isEmpty() || digits.length() > 5) {
            return 0;
        }
        int n = 0;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                return 0;
            }
            n = n * 10 + (c - '0');
        }
        return n > 65535 ? 0 : n;
    }

    private static boolean hasFlag(String params, String name) {
        for (String p : params.split(";")) {
            String s = p.strip();
            if (s.equalsIgnoreCase(name) || s.regionMatches(true, 0, name + "=", 0, name.length() + 1)) {
                return true;
            }
        }
        return false;
    }
}
