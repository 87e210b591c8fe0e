package io.vpbx.sip.transaction;

/**
 * What a transaction works for (a forked call, a relayed request, a registration): the transaction tells it
 * directly what became of it, so the TU never has to find out whose transaction reported. Set when the TU takes
 * the transaction on; every method runs on the transaction's event loop and does nothing unless overridden.
 */
public interface TransactionOwner<M extends SipMessageView> {

    /** A response a client transaction passed up (retransmissions are absorbed, RFC 3261 section 17.1). */
    default void response(M response) {
    }

    /** Timer B, F or H fired; called at most once, after the transaction is terminated. */
    default void timeout() {
    }

    /** The transport failed to send; called at most once, after the transaction is terminated. */
    default void transportError() {
    }

    /** A CANCEL matched this INVITE server transaction (RFC 3261 section 9.2); the CANCEL itself is answered. */
    default void cancelled() {
    }

    /** The owner of a transaction nobody awaits (a CANCEL or BYE of ours, a request answered at once). */
    @SuppressWarnings("unchecked")
    static <M extends SipMessageView> TransactionOwner<M> none() {
        return (TransactionOwner<M>) NoOwner.INSTANCE;
    }
}
