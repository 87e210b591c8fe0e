package io.vpbx.sip.wire;

import java.util.List;

/**
 * One address value read strictly, as a registrar reads To and Contact (RFC 3261 sections 20.10 and 20.39):
 * {@code ( name-addr / addr-spec ) *( SEMI generic-param )}. A name-addr has nothing after its closing bracket but
 * parameters; an addr-spec has no space and no quote, and its parameters are header parameters (section 20.10).
 *
 * @param uri the URI as written
 * @param parameters the header parameters after the address, each {@code name} or {@code name=value} as written
 */
public record HeaderAddress(String uri, List<String> parameters) {

    public HeaderAddress {
        parameters = List.copyOf(parameters);
    }

    /** Reads one address value, or null when it has no URI or a parameter whose name is no token. */
    public static HeaderAddress parse(String value) {
        List<String> pieces = Addresses.split(value, ';');
        String uri = uri(pieces.get(0));
        if (uri == null) {
            return null;
        }
        List<String> parameters = pieces.subList(1, pieces.size());
        for (String parameter : parameters) {
            if (!Text.isToken(name(parameter))) {
                return null;
            }
        }
        return new HeaderAddress(uri, parameters);
    }

    /** The value of a header parameter: null when absent, empty when present without a value. */
    public String parameter(String name) {
        for (String parameter : parameters) {
            if (name.equalsIgnoreCase(name(parameter))) {
                int equals = parameter.indexOf('=');
                return equals < 0 ? "" : parameter.substring(equals + 1).strip();
            }
        }
        return null;
    }

    private static String uri(String address) {
        int open = Addresses.openingBracket(address);
        if (open >= 0) {
            int close = address.indexOf('>', open);
            if (close < 0 || !address.substring(close + 1).isBlank()) {
                return null;
            }
            String uri = address.substring(open + 1, close).strip();
            return uri.isEmpty() ? null : uri;
        }
        if (address.isEmpty() || address.indexOf(' ') >= 0 || address.indexOf('"') >= 0) {
            return null;
        }
        return address;
    }

    /** The name of a {@code generic-param} ({@code name [= value]}). */
    private static String name(String parameter) {
        int equals = parameter.indexOf('=');
        return (equals < 0 ? parameter : parameter.substring(0, equals)).strip();
    }
}
