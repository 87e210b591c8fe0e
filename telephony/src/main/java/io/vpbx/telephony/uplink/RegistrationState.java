package io.vpbx.telephony.uplink;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a third-party line's registration at the other operator stands: the SIP side's uplink state machine moves
 * it, the admin API and the metrics show it by its {@link #wireName()}.
 */
public enum RegistrationState {
    /** Not yet tried, or the first attempt is under way (also what a line without any report shows). */
    PENDING,
    /** The operator holds our Contact until the time reported with the state. */
    REGISTERED,
    /** The last attempt failed (code and reason reported); another one is scheduled. */
    RETRYING,
    /** Repeated 401/403: the credentials are wrong, so vpbx stops asking until the line changes. */
    FAILED_AUTH,
    /** Switched off by the business or the operator; unregistered. */
    DISABLED,
    /** Unregistered (Expires: 0): the number is being disconnected, and is then forgotten. */
    UNREGISTERED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<RegistrationState> fromWire(String value) {
        for (RegistrationState state : values()) {
            if (state.wireName().equals(value)) {
                return Optional.of(state);
            }
        }
        return Optional.empty();
    }
}
