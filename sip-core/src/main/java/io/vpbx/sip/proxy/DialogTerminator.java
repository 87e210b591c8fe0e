package io.vpbx.sip.proxy;

import io.vpbx.sip.transaction.TransactionTable;
import io.vpbx.sip.wire.Rewrites;
import io.vpbx.sip.wire.WireMessage;

/**
 * Ends, on the proxy's own initiative, the dialog a 2xx created with one party: an ACK that confirms it and a BYE
 * that ends it (RFC 3261 sections 12.2.1.1, 15.1.1), both sent straight to the Contact of the answer, with From, To
 * and Call-ID as the answer has them. The BYE goes in a client transaction of its own, which retransmits it and
 * absorbs its answer.
 */
final class DialogTerminator {
    private final Network network;
    private final BranchIds branches;
    private final TransactionTable<WireMessage> transactions;

    DialogTerminator(Network network, BranchIds branches, TransactionTable<WireMessage> transactions) {
        this.network = network;
        this.branches = branches;
        this.transactions = transactions;
    }

    /** Acknowledges {@code answer} (the ACK has the INVITE's CSeq number) and hangs up; {@code flow}: to the answerer. */
    void acknowledgeAndHangUp(WireMessage answer, Flow flow) {
        if (flow == null) {
            return;
        }
        flow.send(WireMessage.parse(Rewrites.inDialog("ACK", answer, via(flow), 0)));
        hangUp(answer, flow);
    }

    /** Sends a BYE (the INVITE's CSeq number plus one) to the party that sent {@code answer}. */
    void hangUp(WireMessage answer, Flow flow) {
        if (flow == null) {
            return;
        }
        transactions.startClient(WireMessage.parse(Rewrites.inDialog("BYE", answer, via(flow), 1)), flow);
    }

    private String via(Flow flow) {
        return network.viaPrefix(flow.transport()) + ";branch=" + branches.next();
    }
}
