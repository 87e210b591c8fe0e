package io.vpbx.sip.transaction;

import java.time.Duration;

/**
 * A client transaction (RFC 3261 section 17.1): sends a request, passes responses up. Both kinds start alike
 * (sections 17.1.1.2 and 17.1.2.2): the request is sent; over an unreliable transport a retransmit timer (A or E)
 * starts at T1 and resends the request while the transaction still waits, at the interval its kind computes; a
 * timeout timer (B or F) of 64*T1 ends a transaction that still waits with a timeout for its user.
 */
public abstract class ClientTransaction<M extends SipMessageView> extends Transaction<M> {
    private final TransactionTimer retransmitTimer;
    private final TransactionTimer timeoutTimer;
    private Duration retransmitInterval;

    ClientTransaction(TransactionOrigin<M> origin, TransactionState initial, TransactionTimer retransmitTimer,
                      TransactionTimer timeoutTimer) {
        super(origin, initial);
        this.retransmitTimer = retransmitTimer;
        this.timeoutTimer = timeoutTimer;
    }

    /** A response matched to this transaction (RFC 3261 section 17.1.3). */
    public abstract void receiveResponse(M response);

    /** Whether the request still waits for the response that stops retransmitting it and the timeout. */
    abstract boolean waiting();

    /** The retransmit interval after {@code previous}. */
    abstract Duration nextInterval(Duration previous);

    @Override
    final void onStart() {
        if (!transmit(request())) {
            return;
        }
        if (!reliable()) {
            retransmitIn(timers().t1());
        }
        startTimer(timeoutTimer, timers().sixtyFourT1(), this::timeoutTimerFired);
    }

    private void retransmitIn(Duration interval) {
        retransmitInterval = interval;
        startTimer(retransmitTimer, interval, this::retransmitTimerFired);
    }

    private void retransmitTimerFired() {
        if (!waiting() || !transmit(request())) {
            return;
        }
        retransmitIn(nextInterval(retransmitInterval));
    }

    private void timeoutTimerFired() {
        if (waiting()) {
            timeout();
        }
    }
}
