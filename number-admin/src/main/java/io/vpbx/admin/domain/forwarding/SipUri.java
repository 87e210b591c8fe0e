package io.vpbx.admin.domain.forwarding;

import io.vpbx.admin.domain.InvalidFieldException;
import java.util.Locale;

/**
 * A SIP or SIPS URI of an external PBX, checked for shape (scheme, host, optional port) at the edge;
 * the SIP core parses it fully when it sends a request there.
 */
public record SipUri(String value) {
    private static final int MAX_LENGTH = 255;

    public static SipUri of(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidFieldException(field, "a SIP URI is required, e.g. sip:pbx.example.com:5060");
        }
        String trimmed = value.trim();
        if (trimmed.length() > MAX_LENGTH) {
            throw new InvalidFieldException(field, "a SIP URI has at most " + MAX_LENGTH + " characters");
        }
        String lower = trimmed.toLowerCase(Locale.ROOT);
        String rest;
        if (lower.startsWith("sip:")) {
            rest = trimmed.substring(4);
        } else if (lower.startsWith("sips:")) {
            rest = trimmed.substring(5);
        } else {
            throw new InvalidFieldException(field, "must start with sip: or sips:, got '" + trimmed + "'");
        }
        String hostPart = rest.substring(rest.indexOf('@') + 1);
        int params = indexOfAny(hostPart, ";?");
        if (params >= 0) {
            hostPart = hostPart.substring(0, params);
        }
        String host = hostPart;
        int colon = hostPart.lastIndexOf(':');
        if (colon > 0 && !hostPart.endsWith("]")) {
            host = hostPart.substring(0, colon);
            checkPort(field, hostPart.substring(colon + 1));
        }
        if (host.isEmpty() || !host.chars().allMatch(c -> Character.isLetterOrDigit(c) || ".-[]:".indexOf(c) >= 0)) {
            throw new InvalidFieldException(field, "has no valid host: '" + trimmed + "'");
        }
        return new SipUri(trimmed);
    }

    private static void checkPort(String field, String port) {
        try {
            int value = Integer.parseInt(port);
            if (value < 1 || value > 65535) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            throw new InvalidFieldException(field, "port must be 1..65535, got '" + port + "'");
        }
    }

    private static int indexOfAny(String text, String chars) {
        for (int i = 0; i < text.length(); i++) {
            if (chars.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        return value;
    }
}
