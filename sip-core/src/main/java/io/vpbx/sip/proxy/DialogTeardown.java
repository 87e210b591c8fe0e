package io.vpbx.sip.proxy;

import io.vpbx.sip.transaction.TransactionTable;
import io.vpbx.sip.wire.Addresses;
import io.vpbx.sip.wire.HeaderId;
import io.vpbx.sip.wire.Rewrites;
import io.vpbx.sip.wire.SipUri;
import io.vpbx.sip.wire.WireMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Ends, on the proxy's own initiative, a dialog a 2xx created (RFC 3261 section 15.1.1): a BYE to the party that
 * answered (its answer was never acknowledged, or came after the call ended elsewhere), or to both parties (the
 * account's duration limit). Each BYE is built as that party's own peer would send it (section 12.2.1.1): to the
 * party's Contact, with the dialog's identities seen from that side, the part of the Record-Route set between us and
 * that party as its Route set, and in a client transaction of its own, which retransmits it and absorbs its answer.
 *
 * <p>At the duration limit the CSeq numbers are set far above what either party can have used: a long call carries
 * session refreshes (RFC 4028 re-INVITEs) this proxy does not count, and a BYE whose CSeq is not higher than the last
 * one the party saw from that side is refused with 500 (section 12.2.2).
 */
final class DialogTeardown {
    /** Above the caller's CSeq space in practice: a caller would need a million requests in one dialog. */
    static final long CALLEE_CSEQ_STEP = 1_000_000;
    /** In the callee's CSeq space, of which we saw nothing: near the top of the 2^31 range (section 8.1.1.5). */
    static final long CALLER_CSEQ = 2_000_000_000L;

    /** One party's side of the dialog, from that party's point of view: where it is and how to address it. */
    record Side(Flow flow, String target, List<String> routes, String from, String to, long cseq) {
    }

    /** Both sides of an answered call; only what the two BYEs need is kept, not the messages. */
    record Dialog(String callId, Side caller, Side callee) {
    }

    private final Network network;
    private final BranchIds branches;
    private final TransactionTable<WireMessage> transactions;

    DialogTeardown(Network network, BranchIds branches, TransactionTable<WireMessage> transactions) {
        this.network = network;
        this.branches = branches;
        this.transactions = transactions;
    }

    /** The dialog from the INVITE as received, the 2xx that answered it, and the flows to the two parties. */
    Dialog dialog(WireMessage invite, WireMessage answer, Flow callerFlow, Flow calleeFlow) {
        List<String> recordRoutes = answer.values(HeaderId.RECORD_ROUTE);
        int firstOurs = -1;
        int lastOurs = -1;
        for (int i = 0; i < recordRoutes.size(); i++) {
            SipUri uri = SipUri.parse(Addresses.uri(recordRoutes.get(i)));
            if (uri != null && network.isUs(uri.host(), uri.portOrDefault())) {
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

    /** The duration limit: a BYE to the callee, then to the caller. */
    void endBoth(Dialog dialog) {
        bye(dialog.callId(), dialog.callee());
        bye(dialog.callId(), dialog.caller());
    }

    /** Acknowledges {@code answer} (the ACK has the INVITE's CSeq number) and hangs up; {@code flow}: to the answerer. */
    void acknowledgeAndHangUp(WireMessage answer, Flow flow) {
        if (flow == null) {
            return;
        }
        flow.send(WireMessage.parse(Rewrites.inDialog("ACK", answer, via(flow), 0)));
        hangUp(answer, flow);
    }

    /**
     * A BYE (the INVITE's CSeq number plus one) straight to the Contact of the party that sent {@code answer}, with
     * From, To and Call-ID as the answer has them.
     */
    void hangUp(WireMessage answer, Flow flow) {
        if (flow == null) {
            return;
        }
        bye(answer.callId(), new Side(flow, Addresses.uri(answer.first(HeaderId.CONTACT)), List.of(), answer.from(),
                answer.to(), answer.cseqNumber() + 1));
    }

    private void bye(String callId, Side side) {
        transactions.startClient(bye(callId, side, via(side.flow())), side.flow());
    }

    /** The BYE to one side, with our {@code via}; in ISO-8859-1, as {@link WireMessage} reads the values it copies. */
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
        return WireMessage.parse(out.toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    private String via(Flow flow) {
        return network.viaPrefix(flow.transport()) + ";branch=" + branches.next();
    }
}
