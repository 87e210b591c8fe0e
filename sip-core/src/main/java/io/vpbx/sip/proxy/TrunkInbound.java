package io.vpbx.sip.proxy;

import io.vpbx.sip.routing.RouteDecision;
import io.vpbx.sip.routing.TrunkEntry;
import io.vpbx.telephony.cdr.CallRecord;
import java.util.Optional;

/**
 * A call from a carrier's trunk (recognised by its source address) to one of our numbers: the {@code Router} decides
 * from the number's immutable entry (404, 403 with a reason, or the ring steps), the account's limits admit it, and
 * an {@link InviteSession} forks it.
 */
final class TrunkInbound {
    private final ProxyContext context;

    TrunkInbound(ProxyContext context) {
        this.context = context;
    }

    StepOutcome take(NewCall call) {
        Optional<TrunkEntry> trunk = context.routing().trunkFrom(call.sourceIp());
        if (trunk.isEmpty()) {
            return StepOutcome.CONTINUE;
        }
        Calls calls = context.calls();
        String dialed = call.dialed();
        CallLog log = new CallLog(call.invite().callId(), CallRecord.Direction.INBOUND, call.caller(), dialed,
                context.clock().instant());
        log.carrier(trunk.get().name());
        if (dialed == null) {
            calls.rejected(call.transaction(), call.invite(), log, 404, "Not Found");
            return StepOutcome.HANDLED;
        }
        RouteDecision decision = context.router().route(call.sourceIp(), dialed, context.clock().instant());
        if (decision instanceof RouteDecision.Reject reject) {
            context.routing().number(dialed).ifPresent(entry -> log.account(entry.accountId(), dialed));
            calls.rejected(call.transaction(), call.invite(), log, reject.sipCode(), reject.reason());
            return StepOutcome.HANDLED;
        }
        RouteDecision.Ring ring = (RouteDecision.Ring) decision;
        log.account(ring.entry().accountId(), dialed);
        if (calls.admitted(call.transaction(), call.invite(), log, ring.entry().accountId())) {
            InviteSession.start(context, call.transaction(), call.invite(), log, ring);
        }
        return StepOutcome.HANDLED;
    }
}
