package io.vpbx.sip.proxy;

import io.vpbx.sip.transaction.ServerTransaction;
import io.vpbx.sip.wire.WireMessage;
import java.util.function.BooleanSupplier;

/**
 * A new call while this node drains: 503 with Retry-After (RFC 3261 section 21.5.4), so that a dispatcher in front
 * (Kamailio's, docs/adr/0033) tries the next node at once rather than after a timeout. The last step of the
 * script: only a new call's INVITE reaches it; requests within dialogs passed earlier steps and go on.
 */
final class OutOfService implements RequestStep {
    /** Seconds a client should wait before it tries this node again: about what a restart takes. */
    static final String RETRY_AFTER = "30";

    private final BooleanSupplier draining;
    private final Answers answers;

    OutOfService(BooleanSupplier draining, Answers answers) {
        this.draining = draining;
        this.answers = answers;
    }

    @Override
    public StepOutcome take(ServerTransaction<WireMessage> transaction, WireMessage invite) {
        if (!draining.getAsBoolean()) {
            return StepOutcome.CONTINUE;
        }
        answers.refuse(transaction, invite, 503, "Service Unavailable", "draining", "Retry-After", RETRY_AFTER);
        return StepOutcome.HANDLED;
    }
}
