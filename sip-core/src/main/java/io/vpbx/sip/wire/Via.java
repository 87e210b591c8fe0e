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
        int semicolon = value.indexOf(';');
        String head = (semicolon < 0 ? value : value.substring(0, semicolon)).strip();
        int slash = head.lastIndexOf('/');
        int space = indexOfWhitespace(head, slash < 0 ? 0 : slash);
        if (slash < 0 || space < 0 || !head.regionMatches(true, 0, "SIP", 0, 3)) {
            return null;
        }
        String transport = head.substring(slash + 1, space).strip().toUpperCase(Locale.ROOT);
        String sentBy = head.substring(space).strip();
        if (transport.isEmpty() || sentBy.isEmpty()) {
            return null;
        }
        String host;
        int port = "TLS".equals(transport) ? 5061 : 5060;
        int portStart;
        if (sentBy.startsWith("[")) {
            int close = sentBy.indexOf(']');
            if (close < 0) {
                return null;
            }
            host = sentBy.substring(0, close + 1);
            portStart = sentBy.indexOf(':', close) < 0 ? -1 : close + 2;
        } else {
            int colon = sentBy.indexOf(':');
            host = colon < 0 ? sentBy : sentBy.substring(0, colon);
            portStart = colon < 0 ? -1 : colon + 1;
        }
        if (portStart > 0) {
            port = number(sentBy.substring(portStart).strip());
            if (port <= 0 || port > 65535) {
                return null;
            }
        }
        if (host.isEmpty()) {
            return null;
        }
        String branch = null;
        String received = null;
        int rport = -1;
        while (semicolon >= 0) {
            int nextSemicolon = value.indexOf(';', semicolon + 1);
            String parameter = (nextSemicolon < 0 ? value.substring(semicolon + 1) : value.substring(semicolon + 1, nextSemicolon)).strip();
            int equals = parameter.indexOf('=');
            String name = (equals < 0 ? parameter : parameter.substring(0, equals)).strip();
            String parameterValue = equals < 0 ? "" : parameter.substring(equals + 1).strip();
            if (name.equalsIgnoreCase("branch")) {
                branch = parameterValue;
            } else if (name.equalsIgnoreCase("received")) {
                received = parameterValue;
            } else if (name.equalsIgnoreCase("rport") && !parameterValue.isEmpty()) {
                rport = number(parameterValue);
            }
            semicolon = nextSemicolon;
        }
        return new Via(transport, host.toLowerCase(Locale.ROOT), port, branch, received, rport);
    }

    private static int indexOfWhitespace(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            if (text.charAt(i) == ' ' || text.charAt(i) == '\t') {
                return i;
            }
        }
        return -1;
    }

    private static int number(String digits) {
        if (digits.isEmpty() || digits.length() > 5) {
            return -1;
        }
        int n = 0;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }
}
