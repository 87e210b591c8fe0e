package io.vpbx.sip.transaction;

import java.time.Duration;

/**
 * Non-INVITE client transaction, RFC 3261 section 17.1.2 (Figure 6).
 *
 * <pre>
 * Trying     --Timer E--&gt;  Trying      retransmit, E = min(2E, T2) (unreliable only)
 * Trying     --1xx--&gt;      Proceeding  passed up
 * Proceeding --Timer E--&gt;  Proceeding  retransmit, E = T2
 * Trying/Proceeding --Timer F--&gt;   Terminated  TU timeout
 * Trying/Proceeding --200-699--&gt;   Completed   passed up, Timer K
 * Completed  --any--&gt;      Completed   absorbed
 * Completed  --Timer K--&gt;  Terminated
 * </pre>
 */
public final class NonInviteClientTransaction<M extends SipMessageView> extends ClientTransaction<M> {

    NonInviteClientTransaction(TransactionOrigin<M> origin) {
        super(origin.requireNonInvite(), TransactionState.TRYING, TransactionTimer.E, TransactionTimer.F);
    }

    /** Timers E and F run until a final response (Trying or Proceeding). */
    @Override
    boolean waiting() {
        return state() == TransactionState.TRYING || state() == TransactionState.PROCEEDING;
    }

    /** Timer E doubles up to T2 while trying, and is T2 once proceeding (RFC 3261 section 17.1.2.2). */
    @Override
    Duration nextInterval(Duration previous) {
        return state() == TransactionState.PROCEEDING ? timers().t2() : timers().doubledUpToT2(previous);
    }

    @Override
    public void receiveResponse(M response) {
        requireResponse(response);
        if (!waiting()) {
            return;
        }
        if (isProvisional(response.statusCode())) {
            enter(TransactionState.PROCEEDING);
            owner().response(response);
            return;
        }
        stopTimer(TransactionTimer.E);
        stopTimer(TransactionTimer.F);
        enter(TransactionState.COMPLETED);
        owner().response(response);
        if (state() == TransactionState.COMPLETED) {
            startTimer(TransactionTimer.K, timers().timerK(reliable()), this::terminate);
        }
    }
}
