package io.vpbx.admin.domain.lifecycle;

import io.vpbx.admin.domain.WireName;

/** Where a number is in its life. The compliance issue adds the blocked and suspended states. */
public enum NumberState implements WireName {
    AVAILABLE,
    RESERVED,
    /** Purchased; not yet bound to a responsible end user or M2M device, so not active. */
    PENDING_COMPLIANCE,
    ACTIVE,
    /** Its binding was not confirmed by the registry deadline: no calls until a confirmation arrives. */
    BLOCKED_UNCONFIRMED,
    /** Released by its owner and quarantined, so that the next owner does not receive its calls. */
    DISCONNECTED;

    public static NumberState fromWire(String value) {
        return WireName.exact(NumberState.class, value)
                .orElseThrow(() -> new IllegalArgumentException("unknown number state '" + value + "'"));
    }

    /** A number an account holds: it can be configured and must be disconnected to be given back. */
    public boolean isOwned() {
        return this == PENDING_COMPLIANCE || this == ACTIVE || this == BLOCKED_UNCONFIRMED;
    }
}
