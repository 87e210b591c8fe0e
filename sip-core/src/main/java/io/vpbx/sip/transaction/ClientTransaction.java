package io.vpbx.sip.transaction;

import java.util.function.Consumer;

/** A client transaction (RFC 3261 section 17.1): sends a request, passes responses up. */
public abstract class ClientTransaction<M extends SipMessageView> extends Transaction<M> {

    ClientTransaction(
            M request,
            Transport<M> transport,
            TransactionContext<M> context,
            Consumer<Transaction<M>> onTerminated,
            TransactionState initial) {
        super(request, transport, context, onTerminated, initial);
    }

    /** A response matched to this transaction (RFC 3261 section 17.1.3). */
    public abstract void receiveResponse(M response);
}
