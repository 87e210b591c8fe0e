package io.vpbx.sip.transaction;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * What a transaction is made from, as its table makes it: the request that creates it, the flow it sends on, the
 * table's shared context, and how the table forgets it once it terminates.
 */
record TransactionOrigin<M extends SipMessageView>(
        M request, Transport<M> transport, TransactionContext<M> context, Consumer<Transaction<M>> onTerminated) {

    TransactionOrigin {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(onTerminated, "onTerminated");
        if (!request.isRequest()) {
            throw new IllegalArgumentException("a transaction is created by a request");
        }
    }

    /** An INVITE transaction (RFC 3261 sections 17.1.1 and 17.2.1) is created by an INVITE. */
    TransactionOrigin<M> requireInvite() {
        if (!"INVITE".equals(request.method())) {
            throw new IllegalArgumentException("not an INVITE: " + request.method());
        }
        return this;
    }

    /** A non-INVITE transaction (RFC 3261 sections 17.1.2 and 17.2.2) is created by neither an INVITE nor an ACK. */
    TransactionOrigin<M> requireNonInvite() {
        if ("INVITE".equals(request.method()) || "ACK".equals(request.method())) {
            throw new IllegalArgumentException("not a non-INVITE transaction request: " + request.method());
        }
        return this;
    }
}
