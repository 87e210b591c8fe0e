package io.vpbx.sip.transaction;

import java.time.Duration;

/**
 * INVITE client transaction, RFC 3261 section 17.1.1 (Figure 5).
 *
 * <pre>
 * Calling    --1xx--&gt;     Proceeding   (Timers A, B stopped)
 * Calling    --Timer A--&gt; Calling      retransmit, A doubles (unreliable only)
 * Calling    --Timer B--&gt; Terminated   TU timeout
 * Calling/Proceeding --2xx--&gt;     Terminated  passed up; the TU sends the ACK
 * Calling/Proceeding --300-699--&gt; Completed   passed up, ACK sent, Timer D
 * Completed  --300-699--&gt; Completed    ACK re-sent, not passed up
 * Completed  --Timer D--&gt; Terminated
 * </pre>
 */
public final class InviteClientTransaction<M extends SipMessageView> extends ClientTransaction<M> {

    private M ack;

    InviteClientTransaction(TransactionOrigin<M> origin) {
        super(origin.requireInvite(), TransactionState.CALLING, TransactionTimer.A, TransactionTimer.B);
    }

    /** Timers A and B run only while calling: any response stops them. */
    @Override
    boolean waiting() {
        return state() == TransactionState.CALLING;
    }

    /** Timer A doubles each time (RFC 3261 section 17.1.1.2). */
    @Override
    Duration nextInterval(Duration previous) {
        return previous.plus(previous);
    }

    @Override
    public void receiveResponse(M response) {
        requireResponse(response);
        TransactionState state = state();
        if (state == TransactionState.COMPLETED) {
            if (!isProvisional(response.statusCode()) && !isSuccess(response.statusCode())) {
                transmit(ack);
            }
            return;
        }
        if (state != TransactionState.CALLING && state != TransactionState.PROCEEDING) {
            return;
        }
        int status = response.statusCode();
        if (isProvisional(status)) {
            stopTimer(TransactionTimer.A);
            stopTimer(TransactionTimer.B);
            enter(TransactionState.PROCEEDING);
            owner().response(response);
        } else if (isSuccess(status)) {
            terminate();
            owner().response(response);
        } else {
            stopTimer(TransactionTimer.A);
            stopTimer(TransactionTimer.B);
            enter(TransactionState.COMPLETED);
            ack = context().ackFactory().ackFor(request(), response);
            owner().response(response);
            if (state() == TransactionState.COMPLETED && transmit(ack)) {
                startTimer(TransactionTimer.D, timers().timerD(reliable()), this::terminate);
            }
        }
    }
}
