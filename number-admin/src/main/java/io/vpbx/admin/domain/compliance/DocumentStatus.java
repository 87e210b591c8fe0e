package io.vpbx.admin.domain.compliance;

import io.vpbx.admin.domain.WireName;
import java.util.Locale;

/** What is known about an end user's identity document. Anything but VALID suspends their numbers. */
public enum DocumentStatus implements WireName {
    VALID,
    EXPIRED,
    FORGED,
    UNVERIFIABLE;

    public static DocumentStatus fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
