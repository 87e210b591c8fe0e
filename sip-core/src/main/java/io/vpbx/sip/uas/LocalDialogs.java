package io.vpbx.sip.uas;

import io.vpbx.sip.wire.WireMessage;
import java.util.HashMap;
import java.util.Map;

/**
 * The dialogs vpbx is a party to, by Call-ID, while they live: the calls it answers itself ({@link AnsweringLeg}s)
 * and the callee dialogs of scenario forwards ({@link BridgedCall}s; each INVITE vpbx sends has its own Call-ID). A
 * Call-ID finds the dialog, and the dialog says whether a message is its own by the tags. Bounded by the media
 * server's ports: each dialog holds a media session. Confined to the SIP event loop.
 *
 * @param <D> the party: an answering leg, or a forward
 */
final class LocalDialogs<D extends LocalDialogs.Party> {

    /** One side of the dialogs held here: it knows its tags. */
    interface Party {
        /** Whether {@code request} (Call-ID known to be this party's) is a request within its dialog: our tag in its To. */
        boolean within(WireMessage request);

        /**
         * Whether {@code message} (Call-ID known to be this party's) belongs to the dialog's start: for an answering leg
         * a repeat of the INVITE it answers, for a forward a repeat of the 2xx to its INVITE.
         */
        boolean answering(WireMessage message);
    }

    private final Map<String, D> dialogs = new HashMap<>();

    void add(String callId, D party) {
        dialogs.put(callId, party);
    }

    void remove(String callId, D party) {
        dialogs.remove(callId, party);
    }

    /** The party a request within one of our dialogs belongs to (its Call-ID, our tag in its To), or null. */
    D within(WireMessage request) {
        if (dialogs.isEmpty() || request.toTag() == null) {
            return null;
        }
        D party = dialogs.get(request.callId());
        return party != null && party.within(request) ? party : null;
    }

    /** The party whose dialog's start {@code message} repeats (see {@link Party#answering}), or null. */
    D answering(WireMessage message) {
        if (dialogs.isEmpty()) {
            return null;
        }
        D party = dialogs.get(message.callId());
        return party != null && party.answering(message) ? party : null;
    }

    int size() {
        return dialogs.size();
    }
}
