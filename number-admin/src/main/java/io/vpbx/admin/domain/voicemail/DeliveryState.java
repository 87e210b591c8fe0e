package io.vpbx.admin.domain.voicemail;

import java.util.Locale;

/** Where a delivery of a voicemail to one recipient stands. */
public enum DeliveryState {
    /** Waiting for its next attempt (the first, or a retry after a failure). */
    QUEUED,
    /** Accepted by the SMTP server (or written to the development outbox). */
    SENT,
    /** Given up: the recipient cannot be resolved, or sending kept failing for mail.give-up-after. */
    FAILED;

    /** The stored and shown spelling: "queued", "sent", "failed". */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DeliveryState ofWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
