package io.vpbx.sip.proxy;

import io.vpbx.sip.transaction.ServerTransaction;
import io.vpbx.sip.wire.RequestChecks;
import io.vpbx.sip.wire.WireMessage;

/**
 * The script's first step, for every method alike ({@link RequestChecks}): control bytes, duplicate single-value
 * headers, unknown URI schemes (416), Require and Proxy-Require (420), Max-Forwards. A refusal is answered and
 * counted under the check that failed.
 */
final class RequestSanity implements RequestStep {
    private final Answers answers;

    RequestSanity(Answers answers) {
        this.answers = answers;
    }

    @Override
    public StepOutcome take(ServerTransaction<WireMessage> transaction, WireMessage request) {
        RequestChecks.Refusal refusal = RequestChecks.check(request, AnsweredHere.isOurs(request));
        if (refusal == null) {
            return StepOutcome.CONTINUE;
        }
        answers.refuse(transaction, request, refusal.status(), refusal.reason(), refusal.check(), refusal.headers());
        return StepOutcome.HANDLED;
    }
}
