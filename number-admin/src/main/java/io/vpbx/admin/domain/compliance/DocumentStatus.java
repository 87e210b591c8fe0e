package io.vpbx.admin.domain.compliance;

import io.vpbx.admin.domain.WireNames;
import java.util.Locale;

/** What is known about an end user's identity document. Anything but VALID suspends their numbers. */
public enum DocumentStatus {
    VALID,
    EXPIRED,
    FORGED,
    UNVERIFIABLE;

    public String wireName() {
        return WireNames.of(this);
    }

    public static DocumentStatus fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
