package io.vpbx.sip.proxy;

import io.vpbx.sip.routing.Leg;
import io.vpbx.sip.transaction.TransactionOwner;
import io.vpbx.sip.wire.WireMessage;
import java.time.Instant;

/**
 * One forked copy of an INVITE (RFC 3261 section 16.6): the leg it rings, and what became of it. It owns the copy's
 * client transaction and passes what the transaction reports to its session.
 */
final class Branch implements TransactionOwner<WireMessage>, RingSequence.Branch {
    private final InviteSession session;
    private final Leg leg;
    private final String requestUri;
    private final Instant startedAt;
    private WireMessage forwarded;
    private Flow flow;
    private boolean done;
    private int code;
    private boolean provisional;
    private boolean cancelWanted;
    private boolean challengeAnswered;

    Branch(InviteSession session, Leg leg, String requestUri, Instant startedAt) {
        this.session = session;
        this.leg = leg;
        this.requestUri = requestUri;
        this.startedAt = startedAt;
    }

    @Override
    public void response(WireMessage response) {
        session.response(this, response);
    }

    @Override
    public void timeout() {
        session.failed(this, 408, "timeout");
    }

    @Override
    public void transportError() {
        session.failed(this, 503, "transport_error");
    }

    void sent(WireMessage forwarded, Flow flow) {
        this.forwarded = forwarded;
        this.flow = flow;
    }

    void provisional() {
        provisional = true;
    }

    void done(int finalCode) {
        done = true;
        code = finalCode;
    }

    /** Whether the branch may still answer a digest challenge (once); taking it uses that once. */
    boolean takeChallengeAnswer() {
        if (challengeAnswered) {
            return false;
        }
        challengeAnswered = true;
        return true;
    }

    void cancelWanted() {
        cancelWanted = true;
    }

    /** Whether a CANCEL is wanted and not yet sent; taking it marks it sent. */
    boolean takeCancel() {
        if (!cancelWanted) {
            return false;
        }
        cancelWanted = false;
        return true;
    }

    boolean wantsCancel() {
        return cancelWanted && provisional;
    }

    boolean hasProvisional() {
        return provisional;
    }

    @Override
    public boolean pending() {
        return !done;
    }

    boolean isDone() {
        return done;
    }

    int code() {
        return code;
    }

    Leg leg() {
        return leg;
    }

    String requestUri() {
        return requestUri;
    }

    Instant startedAt() {
        return startedAt;
    }

    WireMessage forwarded() {
        return forwarded;
    }

    Flow flow() {
        return flow;
    }
}
