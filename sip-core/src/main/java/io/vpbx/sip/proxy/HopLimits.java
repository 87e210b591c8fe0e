package io.vpbx.sip.proxy;

import io.vpbx.sip.transaction.ServerTransaction;
import io.vpbx.sip.wire.WireMessage;

/** A new call that has run out of hops (483) or came back through us (482, RFC 3261 section 16.3). */
final class HopLimits implements RequestStep {
    private final Hops hops;
    private final Answers answers;

    HopLimits(Hops hops, Answers answers) {
        this.hops = hops;
        this.answers = answers;
    }

    @Override
    public StepOutcome take(ServerTransaction<WireMessage> transaction, WireMessage invite) {
        if (invite.maxForwardsValue() == 0) {
            answers.reject(transaction, invite, 483, "Too Many Hops");
            return StepOutcome.HANDLED;
        }
        if (hops.loops(invite)) {
            answers.reject(transaction, invite, 482, "Loop Detected");
            return StepOutcome.HANDLED;
        }
        return StepOutcome.CONTINUE;
    }
}
