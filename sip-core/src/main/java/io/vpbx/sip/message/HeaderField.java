package io.vpbx.sip.message;

import java.util.Objects;

/**
 * One header field: its canonical name (see {@link HeaderName#canonical}) and its value without leading
 * and trailing white space, folded continuation lines joined by a single space.
 */
public record HeaderField(String name, String value) {

    public HeaderField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }
}
