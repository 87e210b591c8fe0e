package io.vpbx.sip.transaction;

/** A server transaction (RFC 3261 section 17.2): receives a request, sends the TU's responses. */
public abstract class ServerTransaction<M extends SipMessageView> extends Transaction<M> {

    ServerTransaction(TransactionOrigin<M> origin, TransactionState initial) {
        super(origin, initial);
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
