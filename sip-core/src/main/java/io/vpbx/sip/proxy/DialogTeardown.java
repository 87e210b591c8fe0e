package io.vpbx.sip.proxy;

import io.vpbx.sip.wire.Addresses;
import io.vpbx.sip.wire.HeaderId;
import io.vpbx.sip.wire.SipUri;
import io.vpbx.sip.wire.WireMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BiPredicate;

/**
 * Ends an answered call from the middle: a BYE to each party (RFC 3261 section 15.1.1), built from the dialog state
 * this record-routing proxy saw pass (the INVITE as received and the 2xx that answered it), as each party's own
 * peer would send it (section 12.2.1.1): the remote target is the other party's Contact, From and To are the
 * dialog's identities seen from that side, and the Route set is the part of the Record-Route set between us and
 * that party. Only what the two BYEs need is kept, not the messages.
 *
 * <p>The CSeq numbers are set far above what either party can have used: a long call carries session refreshes
 * (RFC 4028 re-INVITEs) this proxy does not count, and a BYE whose CSeq is not higher than the last one the party
 * saw from that side is refused with 500 (section 12.2.2).
 */
final class DialogTeardown {
    /** Above the caller's CSeq space in practice: a caller would need a million requests in one dialog. */
    static final long CALLEE_CSEQ_STEP = 1_000_000;
    /** In the callee's CSeq space, of which we saw nothing: near the top of the 2^31 range (section 8.1.1.5). */
    static final long CALLER_CSEQ = 2_000_000_000L;

    /** One party's side of the dialog, from that party's point of view: where it is and how to address it. */
    record Side(Flow flow, String target, List<String> routes, String from, String to, long cseq) {
    }

    /** Both sides of an answered call. */
    record Dialog(String callId, Side caller, Side callee) {
    }

    private DialogTeardown() {
    }

    /**
     * The dialog from the received INVITE, its 2xx and the two flows; {@code isUs} tells our own Record-Route
     * entries by host and port.
     */
    static Dialog of(WireMessage invite, WireMessage answer, Flow callerFlow, Flow calleeFlow, BiPredicate<String, Integer> isUs) {
        List<String> recordRoutes = answer.values(HeaderId.RECORD_ROUTE);
        int firstOurs = -1;
        int lastOurs = -1;
        for (int i = 0; i < recordRoutes.size(); i++) {
            SipUri uri = SipUri.parse(Addresses.uri(recordRoutes.get(i)));
            if (uri != null && isUs.test(uri.host(), uri.portOrDefault())) {
                firstOurs = firstOurs < 0 ? i : firstOurs;
                lastOurs = i;
            }
        }
        // entries above ours were added downstream (nearest the callee first); below ours, upstream in order
        List<String> towardsCallee = new ArrayList<>(recordRoutes.subList(0, Math.max(0, firstOurs)));
        Collections.reverse(towardsCallee);
        List<String> towardsCaller = lastOurs < 0 ? List.of() : List.copyOf(recordRoutes.subList(lastOurs + 1, recordRoutes.size()));
        Side caller = new Side(callerFlow, Addresses.uri(invite.first(HeaderId.CONTACT)), towardsCaller,
                answer.to(), invite.from(), CALLER_CSEQ);
        Side callee = new Side(calleeFlow, Addresses.uri(answer.first(HeaderId.CONTACT)), List.copyOf(towardsCallee),
                answer.from(), answer.to(), invite.cseqNumber() + CALLEE_CSEQ_STEP);
        return new Dialog(invite.callId(), caller, callee);
    }

    /** The BYE to one side, with our {@code via}. */
    static WireMessage bye(String callId, Side side, String via) {
        StringBuilder out = new StringBuilder(512);
        out.append("BYE ").append(side.target() == null ? "sip:invalid" : side.target()).append(" SIP/2.0\r\n");
        out.append("Via: ").append(via).append("\r\n");
        for (String route : side.routes()) {
            out.append("Route: ").append(route).append("\r\n");
        }
        out.append("Max-Forwards: 70\r\n");
        out.append("From: ").append(side.from()).append("\r\n");
        out.append("To: ").append(side.to()).append("\r\n");
        out.append("Call-ID: ").append(callId).append("\r\n");
        out.append("CSeq: ").append(side.cseq()).append(" BYE\r\n");
        out.append("Content-Length: 0\r\n\r\n");
        return WireMessage.parse(out.toString().getBytes(StandardCharsets.UTF_8));
    }
}
