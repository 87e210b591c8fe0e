package io.vpbx.sip.transaction;

/**
 * The transaction user (RFC 3261 section 5): the proxy or UA core above the transaction layer.
 * Every callback runs on the event loop that owns the transaction.
 */
public interface TransactionUser<M extends SipMessageView> {

    /** A new request created a server transaction; answer through {@link ServerTransaction#sendResponse}. */
    void receiveRequest(ServerTransaction<M> transaction, M request);

    /** A response passed up by a client transaction (retransmissions are absorbed). */
    void receiveResponse(ClientTransaction<M> transaction, M response);

    /** Timer B, F or H fired; called at most once, after the transaction is terminated. */
    void timeout(Transaction<M> transaction);

    /** The transport failed to send; called at most once, after the transaction is terminated. */
    void transportError(Transaction<M> transaction);
}
