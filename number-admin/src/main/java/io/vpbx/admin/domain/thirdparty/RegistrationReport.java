package io.vpbx.admin.domain.thirdparty;

import io.vpbx.telephony.uplink.RegistrationState;
import java.time.Instant;
import java.util.Objects;

/**
 * One report from the SIP side about a line's registration, as it is stored: its state at {@code at}, until when
 * it is registered, the last SIP answer ({@code lastCode} and {@code lastReason}, null when none came), when the
 * next attempt is due and which node registers it (the uplink's own transition knows no node).
 */
public record RegistrationReport(String e164, RegistrationState state, Instant at, Instant registeredUntil, Integer lastCode,
                                 String lastReason, Instant nextAttemptAt, String node) {
    /** Longest reason phrase kept; a longer one is cut (the column's size). */
    public static final int MAX_REASON = 200;
    public static final int MAX_NODE = 64;

    public RegistrationReport {
        Objects.requireNonNull(e164, "e164");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(at, "at");
        if (lastCode != null && (lastCode < 100 || lastCode > 699)) {
            throw new IllegalArgumentException("a SIP status code is 100..699, got " + lastCode);
        }
        lastReason = lastReason == null || lastReason.length() <= MAX_REASON ? lastReason : lastReason.substring(0, MAX_REASON);
        node = node == null || node.length() <= MAX_NODE ? node : node.substring(0, MAX_NODE);
    }
}
