package io.vpbx.sip.transaction;

import java.time.Duration;

/**
 * INVITE server transaction, RFC 3261 section 17.2.1 (Figure 7).
 *
 * <p>The 100 (Trying) is sent as soon as the transaction starts, before the TU sees the INVITE:
 * a proxy cannot know that the next hop will answer within 200 ms, and an immediate 100 stops
 * the upstream Timer A at once (RFC 3261 section 16.2 and 17.2.1 allow both).
 *
 * <pre>
 * Proceeding --INVITE--&gt;   Proceeding  last provisional re-sent
 * Proceeding --TU 1xx--&gt;   Proceeding  sent
 * Proceeding --TU 2xx--&gt;   Terminated  sent; 2xx retransmissions are the TU's job
 * Proceeding --TU 300-699--&gt; Completed sent, Timer G (unreliable only), Timer H
 * Completed  --INVITE--&gt;   Completed   final re-sent
 * Completed  --Timer G--&gt;  Completed   final re-sent, G = min(2G, T2)
 * Completed  --Timer H--&gt;  Terminated  TU timeout (no ACK)
 * Completed  --ACK--&gt;      Confirmed   Timer I
 * Confirmed  --ACK/INVITE--&gt; Confirmed absorbed
 * Confirmed  --Timer I--&gt;  Terminated
 * </pre>
 */
public final class InviteServerTransaction<M extends SipMessageView> extends ServerTransaction<M> {

    private Duration timerGInterval;

    InviteServerTransaction(TransactionOrigin<M> origin) {
        super(origin.requireInvite(), TransactionState.PROCEEDING);
    }

    @Override
    void onStart() {
        if (respond(context().tryingFactory().tryingFor(request()))) {
            user().receiveRequest(this, request());
        }
    }

    @Override
    public void receiveRequest(M request) {
        if ("ACK".equals(request.method())) {
            if (state() == TransactionState.COMPLETED) {
                stopTimer(TransactionTimer.G);
                stopTimer(TransactionTimer.H);
                enter(TransactionState.CONFIRMED);
                startTimer(TransactionTimer.I, timers().timerI(reliable()), this::terminate);
            }
            return;
        }
        absorbRetransmission();
    }

    @Override
    public boolean sendResponse(M response) {
        requireResponse(response);
        if (state() != TransactionState.PROCEEDING) {
            return false;
        }
        int status = response.statusCode();
        if (isProvisional(status)) {
            respond(response);
        } else if (isSuccess(status)) {
            respond(response);
            terminate();
        } else {
            enter(TransactionState.COMPLETED);
            if (!respond(response)) {
                return true;
            }
            if (!reliable()) {
                timerGInterval = timers().t1();
                startTimer(TransactionTimer.G, timerGInterval, this::timerG);
            }
            startTimer(TransactionTimer.H, timers().sixtyFourT1(), this::timerH);
        }
        return true;
    }

    private void timerG() {
        if (state() != TransactionState.COMPLETED || !respondAgain()) {
            return;
        }
        timerGInterval = timers().doubledUpToT2(timerGInterval);
        startTimer(TransactionTimer.G, timerGInterval, this::timerG);
    }

    private void timerH() {
        if (state() == TransactionState.COMPLETED) {
            timeout();
        }
    }
}
