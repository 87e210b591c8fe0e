package io.vpbx.admin.domain.thirdparty;

import java.util.Locale;
import java.util.Optional;

/** Where a third-party line's registration at the other operator stands, as the SIP side reports it. */
public enum RegistrationState {
    /** Connected, not registered yet (also what a line without any report shows). */
    PENDING,
    REGISTERED,
    /** The last attempt failed; another is scheduled. */
    RETRYING,
    /** Repeated 401/403: the credentials are wrong, so vpbx stops asking until the line changes. */
    FAILED_AUTH,
    DISABLED,
    /** Unregistered (Expires: 0), e.g. while the line is being disconnected. */
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
