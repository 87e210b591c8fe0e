package io.vpbx.sip.uas;

import io.vpbx.sip.wire.WireMessage;
import java.util.HashMap;
import java.util.Map;

/**
 * The callee dialogs of forwards in progress, by their Call-ID (each INVITE vpbx sends has its own): where the
 * callee's BYE, and its 2xx repeated after the INVITE's transaction ended, find their {@link BridgedCall}. Bounded by the media ports, as each forward holds a media session.
 * Confined to the SIP event loop.
 */
final class BridgeDialogs {
    private final Map<String, BridgedCall> calls = new HashMap<>();

    void add(String callId, BridgedCall call) {
        calls.put(callId, call);
    }

    void remove(String callId, BridgedCall call) {
        calls.remove(callId, call);
    }

    /** The forward a request within a callee's dialog belongs to (its Call-ID, our tag in its To), or null. */
    BridgedCall within(WireMessage request) {
        if (calls.isEmpty() || request.toTag() == null) {
            return null;
        }
        BridgedCall call = calls.get(request.callId());
        return call != null && call.ours(request) ? call : null;
    }

    /** The forward a response outside any transaction belongs to (its Call-ID, our tag in its From), or null. */
    BridgedCall answering(WireMessage response) {
        if (calls.isEmpty() || response.fromTag() == null) {
            return null;
        }
        BridgedCall call = calls.get(response.callId());
        return call != null && call.sentBy(response) ? call : null;
    }

    int size() {
        return calls.size();
    }
}
