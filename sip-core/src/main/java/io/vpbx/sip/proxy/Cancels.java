package io.vpbx.sip.proxy;

import io.vpbx.sip.transaction.ServerTransaction;
import io.vpbx.sip.transaction.TransactionTable;
import io.vpbx.sip.wire.Rewrites;
import io.vpbx.sip.wire.WireMessage;
import java.util.Optional;

/**
 * A CANCEL (RFC 3261 sections 9.2 and 16.10): answered 200 when it matches an INVITE server transaction, whose
 * owner (the call's session, or a relayed re-INVITE) then stops; 481 when it matches none.
 */
final class Cancels implements RequestStep {
    private final TransactionTable<WireMessage> transactions;
    private final Answers answers;

    Cancels(TransactionTable<WireMessage> transactions, Answers answers) {
        this.transactions = transactions;
        this.answers = answers;
    }

    @Override
    public StepOutcome take(ServerTransaction<WireMessage> transaction, WireMessage cancel) {
        if (!"CANCEL".equals(cancel.method())) {
            return StepOutcome.CONTINUE;
        }
        Optional<? extends ServerTransaction<WireMessage>> invite = transactions.findCancelTarget(cancel);
        if (invite.isEmpty()) {
            transaction.sendResponse(WireMessage.response(Rewrites.response(cancel, 481,
                    "Call/Transaction Does Not Exist", answers.toTag(cancel)), 481, cancel));
            return StepOutcome.HANDLED;
        }
        transaction.sendResponse(WireMessage.response(Rewrites.response(cancel, 200, "OK", answers.toTag(cancel)), 200, cancel));
        invite.get().owner().cancelled();
        return StepOutcome.HANDLED;
    }
}
