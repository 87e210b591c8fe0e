package io.vpbx.sip.transaction;

/** A client transaction (RFC 3261 section 17.1): sends a request, passes responses up. */
public abstract class ClientTransaction<M extends SipMessageView> extends Transaction<M> {

    ClientTransaction(TransactionOrigin<M> origin, TransactionState initial) {
        super(origin, initial);
    }

    /** A response matched to this transaction (RFC 3261 section 17.1.3). */
    public abstract void receiveResponse(M response);
}
