package io.vpbx.sip.message;

import java.util.List;
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
}
