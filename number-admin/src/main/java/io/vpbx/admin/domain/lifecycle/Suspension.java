package io.vpbx.admin.domain.lifecycle;

import io.vpbx.admin.domain.WireName;
import java.util.Locale;

/**
 * Real-name suspension of a number whose holder's document was found expired, forged or unverifiable:
 * first one way (calls in, none out), then, if not fixed in time, a full stop (no calls).
 */
public enum Suspension implements WireName {
    NONE,
    ONE_WAY,
    FULL_STOP;

    public static Suspension fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
