package io.vpbx.admin.domain.people;

import io.vpbx.admin.domain.WireName;

/** Where a person is: invited (no password yet), active (may sign in), disabled (may not, kept for the journal). */
public enum UserState implements WireName {
    INVITED,
    ACTIVE,
    DISABLED;

    public static UserState of(String wire) {
        return WireName.exact(UserState.class, wire).orElseThrow(() -> new IllegalArgumentException("user state " + wire));
    }
}
