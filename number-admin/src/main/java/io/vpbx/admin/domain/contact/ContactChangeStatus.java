package io.vpbx.admin.domain.contact;

import java.util.Arrays;
import java.util.Locale;

/**
 * Where a contact-phone change stands. Only {@code PENDING} accepts codes; the others are final:
 * {@code COMPLETED} (the phone changed), {@code EXPIRED} (the codes outlived their time), {@code LOCKED}
 * (too many wrong codes), {@code CANCELLED} (withdrawn).
 */
public enum ContactChangeStatus {
    PENDING,
    COMPLETED,
    EXPIRED,
    CANCELLED,
    LOCKED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ContactChangeStatus fromWire(String value) {
        return Arrays.stream(values()).filter(status -> status.wireName().equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown contact change status: " + value));
    }
}
