package io.vpbx.admin.domain.people;

import io.vpbx.admin.domain.WireName;

/** How one sign-in attempt ended, as the login journal names it. */
public enum SignInOutcome implements WireName {
    /** The code was right: a session began. */
    OK,
    BAD_PASSWORD,
    BAD_CODE,
    /** Refused without checking: the user or the source waits after too many failures. */
    LOCKED;

    public static SignInOutcome of(String wire) {
        return WireName.exact(SignInOutcome.class, wire).orElseThrow(() -> new IllegalArgumentException("outcome " + wire));
    }
}
