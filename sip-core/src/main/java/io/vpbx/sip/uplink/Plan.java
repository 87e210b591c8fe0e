package io.vpbx.sip.uplink;

import java.time.Instant;

/**
 * What a registration wants after an event: a REGISTER to send now (or null), and when to be woken next
 * (or null: nothing more until a response or a change).
 */
public record Plan(RegisterRequest send, Instant wakeAt) {
    static final Plan NOTHING = new Plan(null, null);
}
