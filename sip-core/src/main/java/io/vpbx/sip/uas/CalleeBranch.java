package io.vpbx.sip.uas;

import io.vpbx.sip.proxy.Flow;
import io.vpbx.sip.proxy.RingSequence;
import io.vpbx.sip.transaction.TransactionOwner;
import io.vpbx.sip.wire.WireMessage;
import java.time.Instant;

/**
 * One INVITE vpbx sends as a UAC toward a phone or URI of a forward's target: the callee it rings, its own Call-ID
 * (a dialog of its own, so that two forked copies never look like a merged request to a UAS), and what became of
 * it. It owns the INVITE's client transaction and passes what the transaction reports to its {@link BridgedCall}.
 */
final class CalleeBranch implements TransactionOwner<WireMessage>, RingSequence.Branch {
    private final BridgedCall call;
    private final BridgeTargets.Callee callee;
    private final String callId;
    private final Instant startedAt;
    private WireMessage invite;
    private Flow flow;
    private boolean done;
    private boolean provisional;
    private boolean cancelWanted;

    CalleeBranch(BridgedCall call, BridgeTargets.Callee callee, String callId, Instant startedAt) {
        this.call = call;
        this.callee = callee;
        this.callId = callId;
        this.startedAt = startedAt;
    }

    @Override
    public void response(WireMessage response) {
        call.response(this, response);
    }

    @Override
    public void timeout() {
        call.failed(this, 408, "timeout");
    }

    @Override
    public void transportError() {
        call.failed(this, 503, "transport_error");
    }

    void sent(WireMessage sentInvite, Flow sentOn) {
        this.invite = sentInvite;
        this.flow = sentOn;
    }

    /** A provisional response arrived: whether a CANCEL wanted meanwhile is due now ({@link #takeCancel}). */
    boolean provisionalTakesCancel() {
        provisional = true;
        return takeCancel();
    }

    void done() {
        done = true;
    }

    @Override
    public boolean pending() {
        return !done;
    }

    /** The branch is given up: a CANCEL goes once a provisional response shows the INVITE arrived (section 9.1). */
    void cancelWanted() {
        done = true;
        cancelWanted = true;
    }

    /** Whether a CANCEL is due now (wanted, provisional seen, INVITE sent); taking it marks it sent. */
    boolean takeCancel() {
        if (!cancelWanted || !provisional || invite == null) {
            return false;
        }
        cancelWanted = false;
        return true;
    }

    BridgeTargets.Callee callee() {
        return callee;
    }

    String callId() {
        return callId;
    }

    Instant startedAt() {
        return startedAt;
    }

    WireMessage invite() {
        return invite;
    }

    Flow flow() {
        return flow;
    }
}
