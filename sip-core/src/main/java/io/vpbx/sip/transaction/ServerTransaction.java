package io.vpbx.sip.transaction;

/** A server transaction (RFC 3261 section 17.2): receives a request, sends the TU's responses. */
public abstract class ServerTransaction<M extends SipMessageView> extends Transaction<M> {
    /** The last response sent: what a retransmission of the request gets again. */
    private M lastResponse;

    ServerTransaction(TransactionOrigin<M> origin, TransactionState initial) {
        super(origin, initial);
    }

    /** Sends {@code response} and keeps it as the last one; false if the transport failed and the transaction is over. */
    final boolean respond(M response) {
        lastResponse = response;
        return transmit(response);
    }

    /** Sends the last response again (a retransmitted request, Timer G); false if the transport failed. */
    final boolean respondAgain() {
        return transmit(lastResponse);
    }

    /**
     * A retransmission of the request while proceeding or completed gets the last response again; before any
     * response (Trying, non-INVITE) and once confirmed it is absorbed (RFC 3261 sections 17.2.1 and 17.2.2).
     */
    final void absorbRetransmission() {
        if (state() == TransactionState.PROCEEDING || state() == TransactionState.COMPLETED) {
            respondAgain();
        }
    }

    /** A retransmission of the request, or for INVITE the ACK, matched per RFC 3261 section 17.2.3. */
    public abstract void receiveRequest(M request);

    /**
     * Sends a response from the TU.
     *
     * @return true if the response went to the transport; false if the state discards it (a
     *     response after the final one, RFC 3261 section 17.2.2)
     */
    public abstract boolean sendResponse(M response);
}
