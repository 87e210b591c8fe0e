package io.vpbx.sip.proxy;

import io.vpbx.sip.transaction.ServerTransaction;
import io.vpbx.sip.wire.WireMessage;

/**
 * A request with a To tag: relayed ({@link Relay}) only within a dialog of ours, along a Record-Route we signed, and
 * from one of the dialog's parties ({@link DialogGate}, docs/adr/0012); one addressed to us without our Route is
 * for a dialog we do not have (481).
 */
final class WithinDialog implements RequestStep {
    private final ProxyContext context;
    private final DialogGate gate;

    WithinDialog(ProxyContext context, DialogGate gate) {
        this.context = context;
        this.gate = gate;
    }

    @Override
    public StepOutcome take(ServerTransaction<WireMessage> transaction, WireMessage request) {
        if (request.toTag() == null) {
            return StepOutcome.CONTINUE;
        }
        int ours = context.hops().ourRoutes(request);
        if (ours == 0 && context.hops().addressedToUs(request)) {
            context.answers().refuse(transaction, request, 481, "Call/Transaction Does Not Exist", "no_dialog");
            return StepOutcome.HANDLED;
        }
        Flow source = (Flow) transaction.transport();
        DialogGate.Verdict verdict = gate.check(request, ours, source.remote().getAddress());
        if (verdict != DialogGate.Verdict.RELAY) {
            context.answers().refuse(transaction, request, verdict.status, verdict.reason, verdict.check());
            return StepOutcome.HANDLED;
        }
        new Relay(context, transaction, request).start();
        return StepOutcome.HANDLED;
    }
}
