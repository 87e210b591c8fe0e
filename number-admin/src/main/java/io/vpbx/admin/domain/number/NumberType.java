package io.vpbx.admin.domain.number;

import io.vpbx.admin.domain.WireName;
import java.util.Locale;

/** What kind of line a number is; the wire name is the lower-case form used in JSON and CSV. */
public enum NumberType {
    CITY,
    MOBILE,
    TOLL_FREE;

    private final String wireName = name().toLowerCase(Locale.ROOT);

    /** "city", "mobile" or "toll_free". */
    public String wireName() {
        return wireName;
    }

    /** Reads a wire name (case-insensitive); throws IllegalArgumentException naming the allowed values. */
    public static NumberType fromWire(String wire) {
        return WireName.lenient(NumberType.class, wire).orElseThrow(() -> new IllegalArgumentException(
                "unknown number type '" + wire + "', expected one of city, mobile, toll_free"));
    }
}
