package io.vpbx.admin.domain.thirdparty;

import io.vpbx.telephony.uplink.RegistrationState;
import java.time.Instant;
import java.util.Objects;

/** One transition of a line's registration, kept in its history. */
public record RegistrationHistoryEntry(String e164, Instant at, RegistrationState state, Integer code, String reason,
                                       Instant nextAttemptAt, String node) {

    public RegistrationHistoryEntry {
        Objects.requireNonNull(e164, "e164");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(state, "state");
    }

    public static RegistrationHistoryEntry of(RegistrationStatus s) {
        return new RegistrationHistoryEntry(s.e164(), s.updatedAt(), s.state(), s.lastCode(), s.lastReason(), s.nextAttemptAt(),
                s.node());
    }
}
