package io.vpbx.sip.wire;

import java.util.Locale;

/**
 * The parts of one Via value (RFC 3261 section 20.42) that matching and response routing read.
 *
 * @param transport the transport of sent-protocol, upper case (UDP, TCP, TLS...)
 * @param host sent-by host, lower case, IPv6 references with brackets
 * @param port sent-by port, 5060 when absent (5061 for TLS)
 * @param branch the branch parameter, or null
 * @param received the received parameter, or null
 * @param rport the rport value, -1 when absent or empty
 */
public record Via(String transport, String host, int port, String branch, String received, int rport) {

    /** {@code host:port} as transactions are keyed. */
    public String sentBy() {
        return host + ":" + port;
    }

    /** Where a response to this Via goes (RFC 3261 section 18.2.2 with RFC 3581): received and rport win. */
    public String responseHost() {
        return received != null ? received : host;
    }

    public int responsePort() {
        return rport > 0 ? rport : port;
    }

    /** Where a response goes, when the host is an IP literal (no DNS on the event loop); null otherwise. */
    public java.net.InetSocketAddress responseAddress() {
        return IpLiteral.address(responseHost(), responsePort());
    }

    /** Reads one via-parm, or null when it has no sent-protocol and sent-by. */
    public static Via parse(String value) {
        return parse(value, 0, value.length());
    }

    /**
     * Reads the via-parm at {@code [from, to)} of {@code text} (a message read in place), copying out only the
     * parts it keeps.
     */
    static Via parse(String text, int from, int to) {
        int semicolon = indexOf(text, ';', from, to);
        int headStart = Text.skipWhitespace(text, from, semicolon < 0 ? to : semicolon);
        int headEnd = Text.trimEnd(text, headStart, semicolon < 0 ? to : semicolon);
        int slash = lastIndexOf(text, '/', headStart, headEnd);
        int space = indexOfWhitespace(text, slash < 0 ? headStart : slash, headEnd);
        if (slash < 0 || space < 0 || headEnd - headStart < 3 || !text.regionMatches(true, headStart, "SIP", 0, 3)) {
            return null;
        }
        int transportStart = Text.skipWhitespace(text, slash + 1, space);
        String transport = transport(text, transportStart, Text.trimEnd(text, transportStart, space));
        int sentByStart = Text.skipWhitespace(text, space, headEnd);
        if (transport.isEmpty() || sentByStart == headEnd) {
            return null;
        }
        int port = "TLS".equals(transport) ? 5061 : 5060;
        int hostEnd;
        int portStart;
        if (text.charAt(sentByStart) == '[') {
            int close = indexOf(text, ']', sentByStart, headEnd);
            if (close < 0) {
                return null;
            }
            hostEnd = close + 1;
            portStart = indexOf(text, ':', close, headEnd) < 0 ? -1 : Math.min(close + 2, headEnd);
        } else {
            int colon = indexOf(text, ':', sentByStart, headEnd);
            hostEnd = colon < 0 ? headEnd : colon;
            portStart = colon < 0 ? -1 : colon + 1;
        }
        if (portStart >= 0) {
            int portFrom = Text.skipWhitespace(text, portStart, headEnd);
            port = number(text, portFrom, Text.trimEnd(text, portFrom, headEnd));
            if (port <= 0 || port > 65535) {
                return null;
            }
        }
        if (hostEnd == sentByStart) {
            return null;
        }
        String branch = null;
        String received = null;
        int rport = -1;
        while (semicolon >= 0) {
            int next = indexOf(text, ';', semicolon + 1, to);
            int start = Text.skipWhitespace(text, semicolon + 1, next < 0 ? to : next);
            int end = Text.trimEnd(text, start, next < 0 ? to : next);
            int equals = indexOf(text, '=', start, end);
            int nameEnd = equals < 0 ? end : Text.trimEnd(text, start, equals);
            int valueStart = equals < 0 ? end : Text.skipWhitespace(text, equals + 1, end);
            if (Text.is(text, start, nameEnd, "branch")) {
                branch = text.substring(valueStart, end);
            } else if (Text.is(text, start, nameEnd, "received")) {
                received = text.substring(valueStart, end);
            } else if (Text.is(text, start, nameEnd, "rport") && valueStart < end) {
                rport = number(text, valueStart, end);
            }
            semicolon = next;
        }
        return new Via(transport, Text.lowerCase(text, sentByStart, hostEnd), port, branch, received, rport);
    }

    /** The transport of sent-protocol in upper case, the usual ones without a copy. */
    private static String transport(String text, int from, int to) {
        if (Text.is(text, from, to, "UDP")) {
            return "UDP";
        }
        if (Text.is(text, from, to, "TCP")) {
            return "TCP";
        }
        if (Text.is(text, from, to, "TLS")) {
            return "TLS";
        }
        return text.substring(from, to).toUpperCase(Locale.ROOT);
    }

    private static int indexOf(String text, char c, int from, int to) {
        int at = text.indexOf(c, from);
        return at < to ? at : -1;
    }

    private static int lastIndexOf(String text, char c, int from, int to) {
        for (int i = to - 1; i >= from; i--) {
            if (text.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOfWhitespace(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == ' ' || text.charAt(i) == '\t') {
                return i;
            }
        }
        return -1;
    }

    /** A port or rport value: up to five digits, -1 otherwise. */
    private static int number(String text, int from, int to) {
        return (int) Text.digits(text, from, to, 5);
    }
}
