package io.vpbx.admin.domain.people;

import io.vpbx.admin.domain.WireName;

/**
 * What a person who signs in may do. {@code OPERATOR} is the platform operator's own staff (no account); the others
 * hold within one account: viewers change nothing, editors change the telephony (numbers, forwarding, media, staff,
 * scenarios) but not people, API keys or the account's settings, admins everything of the account, owners also owners.
 */
public enum UserRole implements WireName {
    OPERATOR,
    OWNER,
    ADMIN,
    EDITOR,
    VIEWER;

    /** Whether this role manages the account's people, keys and settings. */
    public boolean managesAccount() {
        return this == OWNER || this == ADMIN;
    }

    public static java.util.Optional<UserRole> of(String wire) {
        return WireName.exact(UserRole.class, wire);
    }
}
