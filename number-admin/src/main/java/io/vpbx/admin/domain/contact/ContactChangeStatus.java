package io.vpbx.admin.domain.contact;

import io.vpbx.admin.domain.WireName;

/**
 * Where a contact-phone change stands. Only {@code PENDING} accepts codes; the others are final:
 * {@code COMPLETED} (the phone changed), {@code EXPIRED} (the codes outlived their time), {@code LOCKED}
 * (too many wrong codes), {@code CANCELLED} (withdrawn).
 */
public enum ContactChangeStatus implements WireName {
    PENDING,
    COMPLETED,
    EXPIRED,
    CANCELLED,
    LOCKED;

    public static ContactChangeStatus fromWire(String value) {
        return WireName.exact(ContactChangeStatus.class, value)
                .orElseThrow(() -> new IllegalArgumentException("unknown contact change status: " + value));
    }
}
