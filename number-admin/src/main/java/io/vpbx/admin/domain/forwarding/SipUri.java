package io.vpbx.admin.domain.forwarding;

import io.vpbx.admin.domain.InvalidFieldException;
import io.vpbx.telephony.grammar.SipGrammar;

/**
 * A SIP or SIPS URI an account or the operator gave (an external PBX, a carrier's gateway), checked against the
 * RFC 3261 grammar as {@link SipGrammar} narrows it: no headers, no {@code maddr}, no parameter outside the
 * allow-list, no control character. A value that passes is written into a Request-URI as it is.
 */
public record SipUri(String value) {

    public static SipUri of(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidFieldException(field, "a SIP URI is required, e.g. sip:pbx.example.com:5060");
        }
        String trimmed = strip(value);
        SipGrammar.uriProblem(trimmed).ifPresent(problem -> {
            throw new InvalidFieldException(field, problem);
        });
        return new SipUri(trimmed);
    }

    /** The host as written in the URI (brackets kept for IPv6): what is resolved and checked for private addresses. */
    public String host() {
        return SipGrammar.host(value);
    }

    /** Spaces around the value are forgiven; control characters never are, so they are not trimmed away. */
    private static String strip(String value) {
        int from = 0;
        int to = value.length();
        while (from < to && value.charAt(from) == ' ') {
            from++;
        }
        while (to > from && value.charAt(to - 1) == ' ') {
            to--;
        }
        return value.substring(from, to);
    }

    @Override
    public String toString() {
        return value;
    }
}
