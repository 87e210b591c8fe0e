package io.vpbx.admin.domain.thirdparty;

import io.vpbx.admin.domain.FreeText;
import io.vpbx.admin.domain.InvalidFieldException;
import io.vpbx.admin.domain.trunk.SourceAddress;
import io.vpbx.telephony.grammar.SipGrammar;
import java.util.Locale;

/**
 * The other operator's registrar as a host alone: a DNS name (lower-cased) or an IPv4 or IPv6 literal in
 * canonical form. No scheme, no user, no port (the port is a field of its own) and no brackets stored, so that
 * the SIP side can put it into a request URI without parsing it again.
 */
final class RegistrarHost {
    private static final int MAX_NAME = 253;

    private RegistrarHost() {
    }

    static String of(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidFieldException(field, "a host name or IP address is required, e.g. sip.operator.example");
        }
        String host = FreeText.clean(field, value).strip();
        if (host.contains("://") || host.regionMatches(true, 0, "sip:", 0, 4) || host.regionMatches(true, 0, "sips:", 0, 5)) {
            throw new InvalidFieldException(field, "a host name or IP address without a scheme, got '" + host + "'");
        }
        if (host.indexOf('@') >= 0 || host.indexOf('/') >= 0) {
            throw new InvalidFieldException(field, "a host name or IP address alone, got '" + host + "'");
        }
        if (host.startsWith("[")) {
            if (!host.endsWith("]")) {
                throw new InvalidFieldException(field, "a host alone, without a port (give the port in 'port'), got '" + host + "'");
            }
            return ipv6(field, host.substring(1, host.length() - 1));
        }
        int colons = (int) host.chars().filter(c -> c == ':').count();
        if (colons == 1) {
            throw new InvalidFieldException(field, "a host alone, without a port (give the port in 'port'), got '" + host + "'");
        }
        if (colons > 1) {
            return ipv6(field, host);
        }
        if (host.chars().allMatch(c -> (c >= '0' && c <= '9') || c == '.')) {
            return SourceAddress.of(field, host).value();
        }
        return name(field, host);
    }

    private static String ipv6(String field, String text) {
        if (text.indexOf(':') < 0) {
            throw new InvalidFieldException(field, "brackets hold an IPv6 address, got '" + text + "'");
        }
        return SourceAddress.of(field, text).value();
    }

    /**
     * RFC 3261 host name: dot-separated labels of letters, digits and inner hyphens, the last one starting with a
     * letter, so that numeric spellings resolvers read as addresses ({@code 0x7f000001}, {@code 127.1}) are no names.
     */
    private static String name(String field, String host) {
        if (host.length() > MAX_NAME) {
            throw new InvalidFieldException(field, "a host name has at most " + MAX_NAME + " characters");
        }
        if (!SipGrammar.isHostname(host) || host.endsWith(".")) {
            throw new InvalidFieldException(field, "must be a host name (letters, digits, hyphens, dots; the last label "
                    + "starting with a letter) or an IP address, got '" + host + "'");
        }
        return host.toLowerCase(Locale.ROOT);
    }
}
