package io.vpbx.sip.transaction;

/**
 * The transaction user (RFC 3261 section 5): the proxy or UA core above the transaction layer, handed each new
 * request. What becomes of a transaction afterwards goes to its {@link TransactionOwner}. Runs on the event loop
 * that owns the transaction.
 */
@FunctionalInterface
public interface TransactionUser<M extends SipMessageView> {

    /**
     * A new request created a server transaction; answer through {@link ServerTransaction#sendResponse}, and give
     * the transaction an owner if anything should hear of its timeout, transport error or CANCEL.
     */
    void receiveRequest(ServerTransaction<M> transaction, M request);
}
