package io.vpbx.sip.uas;

import io.vpbx.sip.wire.WireMessage;
import java.util.HashMap;
import java.util.Map;

/**
 * The calls vpbx answers itself, by Call-ID, while their leg lives. Bounded by the media server's ports: a leg is
 * held only with a media session. Confined to the SIP event loop.
 */
final class LocalDialogs {
    private final Map<String, AnsweringLeg> legs = new HashMap<>();

    void add(String callId, AnsweringLeg leg) {
        legs.put(callId, leg);
    }

    void remove(String callId, AnsweringLeg leg) {
        legs.remove(callId, leg);
    }

    /** The leg a request within one of our dialogs belongs to: its Call-ID, and our tag in its To. */
    AnsweringLeg within(WireMessage request) {
        if (legs.isEmpty()) {
            return null;
        }
        AnsweringLeg leg = legs.get(request.callId());
        return leg != null && leg.localTag().equals(request.toTag()) ? leg : null;
    }

    /** The leg whose INVITE {@code request} repeats (same Call-ID, From tag and CSeq), or null. */
    AnsweringLeg answering(WireMessage request) {
        if (legs.isEmpty()) {
            return null;
        }
        AnsweringLeg leg = legs.get(request.callId());
        return leg != null && leg.repeats(request) ? leg : null;
    }

    int size() {
        return legs.size();
    }
}
