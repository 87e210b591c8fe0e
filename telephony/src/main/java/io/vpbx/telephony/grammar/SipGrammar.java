package io.vpbx.telephony.grammar;

import io.netty.util.NetUtil;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The RFC 3261 section 25.1 grammar for the values people give vpbx that end up inside SIP messages: URIs of
 * PBXs and gateways, user parts (logins, SIP usernames) and hosts. Pure; a value that passes can be written into
 * a header as it is, a value that fails never is.
 *
 * <p>URIs are narrower than the RFC on purpose: sip or sips, an optional user (no password), a host, a port, and
 * only the parameters {@code transport=udp|tcp|tls} and {@code user=phone|ip}. Never headers ({@code ?Subject=}),
 * never {@code maddr} (it sends the request somewhere else than the host says), never a control character, not
 * even escaped.
 */
public final class SipGrammar {
    /** RFC 3261 does not bound a URI; 255 is room for any real gateway and short enough to log. */
    public static final int MAX_URI_LENGTH = 255;
    private static final int MAX_HOSTNAME = 253;
    private static final int MAX_LABEL = 63;
    private static final String MARK = "-_.!~*'()";
    private static final String USER_UNRESERVED = "&=+$,;?/";
    private static final Set<String> TRANSPORTS = Set.of("udp", "tcp", "tls");
    private static final Set<String> USER_PARAMS = Set.of("phone", "ip");

    private SipGrammar() {
    }

    /** What is wrong with {@code uri} as a SIP-URI or SIPS-URI of ours, or empty when it is one. */
    public static Optional<String> uriProblem(String uri) {
        if (uri == null || uri.isEmpty()) {
            return Optional.of("a SIP URI is required, e.g. sip:pbx.example.com:5060");
        }
        if (uri.length() > MAX_URI_LENGTH) {
            return Optional.of("a SIP URI has at most " + MAX_URI_LENGTH + " characters");
        }
        Optional<String> control = controlProblem(uri);
        if (control.isPresent()) {
            return control;
        }
        int rest;
        if (uri.regionMatches(true, 0, "sip:", 0, 4)) {
            rest = 4;
        } else if (uri.regionMatches(true, 0, "sips:", 0, 5)) {
            rest = 5;
        } else {
            return Optional.of("must start with sip: or sips:");
        }
        // '?' may stand in a user part (before the '@'); after the host it starts headers
        if (uri.indexOf('?', Math.max(rest, uri.lastIndexOf('@') + 1)) >= 0) {
            return Optional.of("must not carry headers ('?...'): they would be copied into the request");
        }
        int at = uri.lastIndexOf('@');
        int hostStart = rest;
        if (at >= rest) {
            String userinfo = uri.substring(rest, at);
            if (userinfo.indexOf(':') >= 0) {
                return Optional.of("must not carry a password in the URI");
            }
            Optional<String> user = userProblem(userinfo);
            if (user.isPresent()) {
                return user;
            }
            hostStart = at + 1;
        }
        int params = uri.indexOf(';', hostStart);
        String hostport = params < 0 ? uri.substring(hostStart) : uri.substring(hostStart, params);
        Optional<String> host = hostportProblem(hostport);
        if (host.isPresent()) {
            return host;
        }
        return params < 0 ? Optional.empty() : parametersProblem(uri.substring(params + 1));
    }

    /**
     * The host of a sip or sips URI as written (lower case, brackets kept for IPv6): what is resolved and checked for
     * private addresses. Meant for a URI {@link #uriProblem} accepts; null for one without a sip or sips scheme.
     */
    public static String host(String uri) {
        if (!uri.regionMatches(true, 0, "sip:", 0, 4) && !uri.regionMatches(true, 0, "sips:", 0, 5)) {
            return null;
        }
        int hostStart = Math.max(uri.indexOf(':') + 1, uri.lastIndexOf('@') + 1);
        int params = uri.indexOf(';', hostStart);
        String hostport = params < 0 ? uri.substring(hostStart) : uri.substring(hostStart, params);
        int end = hostport.startsWith("[") ? hostport.indexOf(']') + 1 : hostport.indexOf(':');
        return (end > 0 ? hostport.substring(0, end) : hostport).toLowerCase(Locale.ROOT);
    }

    public static boolean isUri(String uri) {
        return uriProblem(uri).isEmpty();
    }

    /** RFC 3261 {@code user}: 1*( unreserved / escaped / user-unreserved ), no escaped control character. */
    public static Optional<String> userProblem(String user) {
        if (user == null || user.isEmpty()) {
            return Optional.of("a user part must not be empty");
        }
        for (int i = 0; i < user.length(); i++) {
            char c = user.charAt(i);
            if (c == '%') {
                if (i + 2 >= user.length() || hex(user.charAt(i + 1)) < 0 || hex(user.charAt(i + 2)) < 0) {
                    return Optional.of("'%' must start an escape of two hex digits");
                }
                int value = hex(user.charAt(i + 1)) * 16 + hex(user.charAt(i + 2));
                if (isControl(value)) {
                    return Optional.of("must not hold an escaped control character (%" + user.substring(i + 1, i + 3) + ")");
                }
                i += 2;
            } else if (!userChar(c)) {
                return Optional.of("must hold only letters, digits and - _ . ! ~ * ' ( ) & = + $ , ; ? / (got '"
                        + printable(c) + "')");
            }
        }
        return Optional.empty();
    }

    public static boolean isUser(String user) {
        return userProblem(user).isEmpty();
    }

    /**
     * RFC 3261 {@code host}: a host name (labels of letters, digits and inner hyphens, the last one starting with a
     * letter), a dotted-quad IPv4 address in decimal, or a bracketed IPv6 address. The numeric spellings that
     * resolvers also accept ({@code 0x7f000001}, {@code 2130706433}, {@code 0177.0.0.1}, {@code 127.1}) are none of
     * these.
     */
    public static Optional<String> hostProblem(String host) {
        if (host == null || host.isEmpty()) {
            return Optional.of("a host is required");
        }
        if (host.startsWith("[")) {
            String inner = host.endsWith("]") ? host.substring(1, host.length() - 1) : "";
            return inner.indexOf('%') < 0 && NetUtil.isValidIpV6Address(inner) ? Optional.empty()
                    : Optional.of("brackets must hold an IPv6 address, got '" + host + "'");
        }
        if (isIpv4(host) || isHostname(host)) {
            return Optional.empty();
        }
        return Optional.of("must be a host name, an IPv4 address in dotted decimal or a bracketed IPv6 address, got '"
                + host + "'");
    }

    /** Four decimal numbers 0..255 without leading zeros (a leading zero reads as octal to some resolvers). */
    public static boolean isIpv4(String host) {
        String[] parts = host.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(c -> c >= '0' && c <= '9')
                    || part.length() > 1 && part.charAt(0) == '0' || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    /** RFC 3261 {@code hostname}: the top label starts with a letter, so no all-numeric name passes. */
    public static boolean isHostname(String host) {
        String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        if (name.isEmpty() || name.length() > MAX_HOSTNAME) {
            return false;
        }
        String[] labels = name.split("\\.", -1);
        for (String label : labels) {
            if (label.isEmpty() || label.length() > MAX_LABEL || !alphanum(label.charAt(0))
                    || !alphanum(label.charAt(label.length() - 1))
                    || !label.chars().allMatch(c -> alphanum(c) || c == '-')) {
                return false;
            }
        }
        return alpha(labels[labels.length - 1].charAt(0));
    }

    /**
     * A user part as it may be written into a URI whatever it holds: characters outside the {@code user} rule are
     * %-escaped (UTF-8), valid escapes kept. For values stored before they were checked; a valid user is unchanged.
     */
    public static String escapeUser(String user) {
        StringBuilder out = new StringBuilder(user.length());
        for (int i = 0; i < user.length(); i++) {
            char c = user.charAt(i);
            boolean escape = c == '%' && i + 2 < user.length() && hex(user.charAt(i + 1)) >= 0 && hex(user.charAt(i + 2)) >= 0
                    && !isControl(hex(user.charAt(i + 1)) * 16 + hex(user.charAt(i + 2)));
            if (userChar(c) || escape) {
                out.append(c);
                continue;
            }
            int end = Character.isHighSurrogate(c) && i + 1 < user.length() ? i + 2 : i + 1;
            for (byte b : user.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
            i = end - 1;
        }
        return out.toString();
    }

    /**
     * The content of a quoted-string (a display name, a digest parameter) that cannot end the string or the header:
     * quotes and backslashes escaped as quoted-pairs, control characters (CR, LF, NUL...) left out, since no
     * quoted-pair may carry CR or LF.
     */
    public static String quotedContent(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c == '\t' || !Character.isISOControl(c) && c != '\u2028' && c != '\u2029') {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static Optional<String> hostportProblem(String hostport) {
        String host = hostport;
        int close = hostport.lastIndexOf(']');
        int colon = hostport.lastIndexOf(':');
        if (colon > close && (close >= 0 || hostport.indexOf(':') == colon)) {
            host = hostport.substring(0, colon);
            String port = hostport.substring(colon + 1);
            if (port.isEmpty() || port.length() > 5 || !port.chars().allMatch(c -> c >= '0' && c <= '9')
                    || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65_535) {
                return Optional.of("port must be 1..65535, got '" + port + "'");
            }
        }
        return hostProblem(host);
    }

    private static Optional<String> parametersProblem(String text) {
        Set<String> seen = new HashSet<>();
        for (String parameter : text.split(";", -1)) {
            int equals = parameter.indexOf('=');
            String name = (equals < 0 ? parameter : parameter.substring(0, equals)).toLowerCase(Locale.ROOT);
            String value = equals < 0 ? null : parameter.substring(equals + 1).toLowerCase(Locale.ROOT);
            if (!seen.add(name)) {
                return Optional.of("parameter '" + name + "' is given twice");
            }
            boolean allowed = "transport".equals(name) && TRANSPORTS.contains(value)
                    || "user".equals(name) && USER_PARAMS.contains(value);
            if (!allowed) {
                return Optional.of("allows only the parameters transport=udp|tcp|tls and user=phone|ip, got ';"
                        + parameter + "'");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> controlProblem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c <= ' ' || c >= 0x7f) {
                return Optional.of("must not contain " + (c == ' ' ? "spaces" : c < ' ' || c == 0x7f ? "control characters ("
                        + printable(c) + ")" : "characters outside ASCII (escape them as %XX)"));
            }
        }
        return Optional.empty();
    }

    private static boolean isControl(int value) {
        return value < 0x20 || value == 0x7f;
    }

    private static boolean userChar(char c) {
        return alphanum(c) || MARK.indexOf(c) >= 0 || USER_UNRESERVED.indexOf(c) >= 0;
    }

    private static boolean alphanum(int c) {
        return alpha(c) || c >= '0' && c <= '9';
    }

    private static boolean alpha(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static int hex(char c) {
        return Character.digit(c, 16) >= 0 && c < 0x80 ? Character.digit(c, 16) : -1;
    }

    private static String printable(char c) {
        return c < ' ' || c == 0x7f ? String.format("\\x%02X", (int) c) : String.valueOf(c);
    }
}
