package io.vpbx.sip.proxy;

import io.vpbx.sip.transaction.ServerTransaction;
import io.vpbx.sip.wire.WireMessage;

/**
 * Outside a dialog nothing is relayed but a call: a request other than INVITE, OPTIONS and REGISTER that names
 * another host, or carries our Route, wants relaying and gets 403 (docs/adr/0012).
 */
final class NoOpenRelay implements RequestStep {
    private final Hops hops;
    private final Answers answers;

    NoOpenRelay(Hops hops, Answers answers) {
        this.hops = hops;
        this.answers = answers;
    }

    @Override
    public StepOutcome take(ServerTransaction<WireMessage> transaction, WireMessage request) {
        if (!relayWanted(request)) {
            return StepOutcome.CONTINUE;
        }
        answers.refuse(transaction, request, 403, "Forbidden (not relaying)", "not_relaying");
        return StepOutcome.HANDLED;
    }

    private boolean relayWanted(WireMessage request) {
        String method = request.method();
        if ("INVITE".equals(method) || "OPTIONS".equals(method) || "REGISTER".equals(method)) {
            return false;
        }
        return hops.topRouteIsUs(request) || !hops.addressedToUs(request) && request.requestSipUri() != null;
    }
}
