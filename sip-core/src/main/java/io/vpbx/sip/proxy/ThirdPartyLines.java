package io.vpbx.sip.proxy;

import io.vpbx.sip.routing.RouteDecision;
import io.vpbx.sip.routing.RouteEntry;
import io.vpbx.sip.uplink.UplinkAccount;
import io.vpbx.telephony.cdr.CallRecord;
import java.util.Optional;

/**
 * A call to a third-party number from its operator (the INVITE came from where we register that number, for the
 * Contact we registered): routed by the number's own rules, like a purchased number.
 */
final class ThirdPartyLines {
    private final ProxyContext context;

    ThirdPartyLines(ProxyContext context) {
        this.context = context;
    }

    /** How call records name the operator that carried a third-party number's call. */
    static String carrier(UplinkAccount line) {
        return "third-party:" + line.server();
    }

    StepOutcome take(NewCall call) {
        Optional<UplinkAccount> found = context.uplinks().inbound(call.sourceIp(), call.dialedUser());
        if (found.isEmpty()) {
            return StepOutcome.CONTINUE;
        }
        UplinkAccount line = found.get();
        Calls calls = context.calls();
        CallLog log = new CallLog(call.invite().callId(), CallRecord.Direction.INBOUND, call.caller(), line.e164(),
                context.clock().instant());
        log.carrier(carrier(line));
        Optional<RouteEntry> entry = context.routing().number(line.e164());
        if (entry.isEmpty() || !entry.get().accountId().equals(line.accountId())) {
            calls.rejected(call.transaction(), call.invite(), log, 404, "Not Found");
            return StepOutcome.HANDLED;
        }
        log.account(line.accountId(), line.e164());
        RouteDecision decision = context.router().routeOnPlatform(line.e164(), context.clock().instant());
        if (decision instanceof RouteDecision.Reject reject) {
            calls.rejected(call.transaction(), call.invite(), log, reject.sipCode(), reject.reason());
        } else if (calls.admitted(call.transaction(), call.invite(), log, line.accountId())) {
            InviteSession.start(context, call.transaction(), call.invite(), log, (RouteDecision.Ring) decision);
        }
        return StepOutcome.HANDLED;
    }
}
