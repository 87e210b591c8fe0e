package io.vpbx.sip.uplink;

import io.vpbx.telephony.uplink.RegistrationState;
import java.time.Instant;

/**
 * What became of a registration at {@code at}: its state, until when the operator holds it, the last SIP
 * answer (code 0 when there was none: a timeout or an unreachable server have their own codes 408 and
 * 503), and when the next attempt is due. Emitted on every state change and every successful refresh.
 */
public record RegistrationTransition(String e164, RegistrationState state, Instant at, Instant registeredUntil,
                                     int lastCode, String lastReason, Instant nextAttemptAt) {
}
