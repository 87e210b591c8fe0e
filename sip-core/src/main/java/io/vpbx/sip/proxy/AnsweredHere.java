package io.vpbx.sip.proxy;

import io.vpbx.sip.Outcome;
import io.vpbx.sip.StatelessResponder;
import io.vpbx.sip.transaction.ServerTransaction;
import io.vpbx.sip.wire.WireMessage;

/**
 * The registrar and the rest of what vpbx answers itself: every request outside a dialog but a call (REGISTER
 * through {@code RegistrarService}, OPTIONS, and any other method addressed to us) is answered by the
 * {@link StatelessResponder}, in its server transaction. Only a new call's INVITE goes past this step.
 */
final class AnsweredHere implements RequestStep {
    private final StatelessResponder local;
    private final Answers answers;

    AnsweredHere(StatelessResponder local, Answers answers) {
        this.local = local;
        this.answers = answers;
    }

    /** Requests vpbx answers itself whatever they name (a Require is its business); the others are forwarded or refused. */
    static boolean isOurs(WireMessage request) {
        String method = request.method();
        return ("OPTIONS".equals(method) || "REGISTER".equals(method)) && request.toTag() == null;
    }

    @Override
    public StepOutcome take(ServerTransaction<WireMessage> transaction, WireMessage request) {
        if ("INVITE".equals(request.method())) {
            return StepOutcome.CONTINUE;
        }
        Flow source = (Flow) transaction.transport();
        Outcome outcome = local.respond(request, source.remote());
        if (outcome instanceof Outcome.Reply reply) {
            answers.answer(transaction, request, reply.status(), reply.bytes());
        }
        return StepOutcome.HANDLED;
    }
}
