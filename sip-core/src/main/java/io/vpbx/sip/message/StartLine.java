package io.vpbx.sip.message;

import java.util.Locale;

/**
 * The first line of a SIP message (RFC 3261 section 7.1 and 7.2): a Request-Line, a Status-Line, or a line
 * that is neither.
 */
public sealed interface StartLine permits StartLine.RequestLine, StartLine.StatusLine, StartLine.Unreadable {

    /** The only SIP version vpbx speaks. */
    String SIP_2_0 = "SIP/2.0";

    /** {@code Method SP Request-URI SP SIP-Version}. */
    record RequestLine(String method, String requestUri, String version) implements StartLine {

        public boolean isSip20() {
            return SIP_2_0.equalsIgnoreCase(version);
        }
    }

    /** {@code SIP-Version SP Status-Code SP Reason-Phrase}. */
    record StatusLine(String version, int statusCode, String reasonPhrase) implements StartLine {
    }

    /** A first line that follows neither grammar. */
    record Unreadable(String text) implements StartLine {
    }

    /** Reads one start line (without its line terminator). */
    static StartLine parse(String line) {
        if (line.regionMatches(true, 0, "SIP/", 0, 4)) {
            return parseStatusLine(line);
        }
        String[] parts = line.split(" ", -1);
        if (parts.length != 3 || !HeaderText.isToken(parts[0]) || parts[1].isEmpty() || !isSipVersion(parts[2])) {
            return new Unreadable(line);
        }
        return new RequestLine(parts[0], parts[1], parts[2]);
    }

    private static StartLine parseStatusLine(String line) {
        int firstSpace = line.indexOf(' ');
        if (firstSpace < 0 || line.length() < firstSpace + 4 || !isSipVersion(line.substring(0, firstSpace))) {
            return new Unreadable(line);
        }
        String code = line.substring(firstSpace + 1, firstSpace + 4);
        boolean endsOrSpace = line.length() == firstSpace + 4 || line.charAt(firstSpace + 4) == ' ';
        if (!endsOrSpace || !HeaderText.isDigits(code) || code.charAt(0) < '1' || code.charAt(0) > '6') {
            return new Unreadable(line);
        }
        String reason = line.length() > firstSpace + 5 ? line.substring(firstSpace + 5) : "";
        return new StatusLine(line.substring(0, firstSpace), Integer.parseInt(code), reason);
    }

    /** {@code "SIP" "/" 1*DIGIT "." 1*DIGIT}, "SIP" case-insensitive. */
    private static boolean isSipVersion(String text) {
        if (!text.toUpperCase(Locale.ROOT).startsWith("SIP/")) {
            return false;
        }
        String number = text.substring(4);
        int dot = number.indexOf('.');
        return dot > 0 && HeaderText.isDigits(number.substring(0, dot)) && HeaderText.isDigits(number.substring(dot + 1));
    }
}
