package io.vpbx.sip.uas;

import java.util.Locale;
import java.util.Optional;

/**
 * A DTMF digit carried in a SIP INFO (phones that send keys in signalling rather than RFC 4733 events):
 * {@code application/dtmf-relay} with a {@code Signal=} line (Cisco's format; 10 and 11 stand for * and #) and
 * {@code application/dtmf} whose body is the digit.
 */
final class InfoDigits {

    private InfoDigits() {
    }

    /** The digit in an INFO with this Content-Type and body; empty for other bodies. */
    static Optional<Character> read(String contentType, String body) {
        if (contentType == null || body == null) {
            return Optional.empty();
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        int parameters = type.indexOf(';');
        type = (parameters < 0 ? type : type.substring(0, parameters)).trim();
        return switch (type) {
            case "application/dtmf-relay" -> signal(body);
            case "application/dtmf" -> digit(body.trim());
            default -> Optional.empty();
        };
    }

    private static Optional<Character> signal(String body) {
        for (String line : body.split("\r?\n")) {
            int equals = line.indexOf('=');
            if (equals > 0 && line.substring(0, equals).trim().equalsIgnoreCase("Signal")) {
                return digit(line.substring(equals + 1).trim());
            }
        }
        return Optional.empty();
    }

    private static Optional<Character> digit(String value) {
        switch (value) {
            case "10":
                return Optional.of('*');
            case "11":
                return Optional.of('#');
            default:
                break;
        }
        if (value.length() != 1) {
            return Optional.empty();
        }
        char c = Character.toUpperCase(value.charAt(0));
        boolean valid = (c >= '0' && c <= '9') || c == '*' || c == '#' || (c >= 'A' && c <= 'D');
        return valid ? Optional.of(c) : Optional.empty();
    }
}
