package io.vpbx.sip.message;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the value of an address header such as From or To ({@code ( name-addr / addr-spec ) *( SEMI param )},
 * RFC 3261 section 20.20 and 20.39): the header parameters follow the address, a URI's own parameters stay
 * inside its angle brackets.
 */
public final class AddressValue {

    private static final String TAG = "tag";

    private AddressValue() {
    }

    /** The {@code tag} header parameter, if the value carries one. */
    public static Optional<String> tag(String value) {
        List<String> pieces = HeaderText.split(value, ';');
        for (int i = 1; i < pieces.size(); i++) {
            if (TAG.equalsIgnoreCase(HeaderText.parameterName(pieces.get(i)))) {
                return Optional.of(HeaderText.parameterValue(pieces.get(i)));
            }
        }
        return Optional.empty();
    }

    /**
     * The URI of an address: inside the angle brackets of a name-addr, or the addr-spec up to the first header
     * parameter (section 20.10: an addr-spec's parameters are header parameters). Empty when there is none.
     */
    public static Optional<String> uri(String value) {
        String address = HeaderText.split(value, ';').get(0);
        int open = openingBracket(address);
        if (open >= 0) {
            int close = address.indexOf('>', open);
            if (close < 0 || !address.substring(close + 1).isBlank()) {
                return Optional.empty();
            }
            String uri = address.substring(open + 1, close).strip();
            return uri.isEmpty() ? Optional.empty() : Optional.of(uri);
        }
        if (address.isEmpty() || address.indexOf(' ') >= 0 || address.indexOf('"') >= 0) {
            return Optional.empty();
        }
        return Optional.of(address);
    }

    /**
     * The user part of a {@code sip:} or {@code sips:} URI ({@code user[:password]@host...}), unescaped
     * only as far as it is written; empty for other schemes and URIs without a user.
     */
    public static Optional<String> sipUser(String uri) {
        String lower = uri.toLowerCase(Locale.ROOT);
        int schemeEnd = lower.startsWith("sip:") ? 4 : lower.startsWith("sips:") ? 5 : -1;
        if (schemeEnd < 0) {
            return Optional.empty();
        }
        int at = uri.lastIndexOf('@');
        if (at <= schemeEnd) {
            return Optional.empty();
        }
        String userInfo = uri.substring(schemeEnd, at);
        int colon = userInfo.indexOf(':');
        String user = colon < 0 ? userInfo : userInfo.substring(0, colon);
        return user.isEmpty() ? Optional.empty() : Optional.of(user);
    }

    /** Index of the {@code <} opening a name-addr, skipping a quoted display name; -1 for an addr-spec. */
    private static int openingBracket(String address) {
        boolean quoted = false;
        for (int i = 0; i < address.length(); i++) {
            char c = address.charAt(i);
            if (quoted) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    quoted = false;
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == '<') {
                return i;
            }
        }
        return -1;
    }
}
