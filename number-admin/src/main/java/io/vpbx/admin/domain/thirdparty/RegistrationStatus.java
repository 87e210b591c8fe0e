package io.vpbx.admin.domain.thirdparty;

import io.vpbx.telephony.uplink.RegistrationState;
import java.time.Instant;
import java.util.Objects;

/** A line's current registration as last reported: one row per connected number, updated by every report. */
public record RegistrationStatus(String e164, RegistrationState state, Instant registeredUntil, Integer lastCode,
                                 String lastReason, Instant nextAttemptAt, Instant updatedAt, String node) {

    public RegistrationStatus {
        Objects.requireNonNull(e164, "e164");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public static RegistrationStatus of(RegistrationReport t) {
        return new RegistrationStatus(t.e164(), t.state(), t.registeredUntil(),
                t.lastCode(), t.lastReason(), t.nextAttemptAt(), t.at(), t.node());
    }

    /**
     * Whether {@code next} belongs in the history after this status: a new state or a new SIP answer. A refresh that
     * stays registered with the same 200 only moves {@code registeredUntil}, which the status row alone keeps.
     */
    public boolean isTransitionTo(RegistrationStatus next) {
        return state != next.state || !Objects.equals(lastCode, next.lastCode);
    }
}
