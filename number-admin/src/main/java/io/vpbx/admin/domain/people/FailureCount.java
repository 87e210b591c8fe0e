package io.vpbx.admin.domain.people;

import java.time.Instant;

/** Failed sign-in attempts of one subject (a user, an e-mail, a source address) and until when it must wait. */
public record FailureCount(String subject, int failures, Instant lastFailureAt, Instant lockedUntil) {

    /** Whole seconds still to wait at {@code now}; 0 when the subject may try. */
    public long waitSeconds(Instant now) {
        if (lockedUntil == null || !now.isBefore(lockedUntil)) {
            return 0;
        }
        long millis = lockedUntil.toEpochMilli() - now.toEpochMilli();
        return Math.max(1, (millis + 999) / 1000);
    }
}
