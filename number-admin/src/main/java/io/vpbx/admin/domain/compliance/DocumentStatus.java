package io.vpbx.admin.domain.compliance;

import java.util.Locale;

/** What is known about an end user's identity document. Anything but VALID suspends their numbers. */
public enum DocumentStatus {
    VALID,
    EXPIRED,
    FORGED,
    UNVERIFIABLE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DocumentStatus fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
