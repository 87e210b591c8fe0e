package io.vpbx.sip.transaction;

/**
 * Non-INVITE server transaction, RFC 3261 section 17.2.2 (Figure 8).
 *
 * <pre>
 * Trying     --request--&gt;  Trying      discarded
 * Trying/Proceeding --TU 1xx--&gt;     Proceeding  sent
 * Proceeding --request--&gt;  Proceeding  last provisional re-sent
 * Trying/Proceeding --TU 200-699--&gt; Completed   sent, Timer J
 * Completed  --request--&gt;  Completed   final re-sent
 * Completed  --TU any--&gt;   Completed   discarded
 * Completed  --Timer J--&gt;  Terminated
 * </pre>
 */
public final class NonInviteServerTransaction<M extends SipMessageView> extends ServerTransaction<M> {

    NonInviteServerTransaction(TransactionOrigin<M> origin) {
        super(origin.requireNonInvite(), TransactionState.TRYING);
    }

    @Override
    void onStart() {
        user().receiveRequest(this, request());
    }

    @Override
    public void receiveRequest(M request) {
        absorbRetransmission();
    }

    @Override
    public boolean sendResponse(M response) {
        requireResponse(response);
        if (state() != TransactionState.TRYING && state() != TransactionState.PROCEEDING) {
            return false;
        }
        if (isProvisional(response.statusCode())) {
            enter(TransactionState.PROCEEDING);
            respond(response);
            return true;
        }
        enter(TransactionState.COMPLETED);
        if (respond(response)) {
            startTimer(TransactionTimer.J, timers().timerJ(reliable()), this::terminate);
        }
        return true;
    }
}
