package io.vpbx.sip.transaction;

import java.util.Objects;

/**
 * Matches a request to a server transaction (RFC 3261 section 17.2.3): top Via branch, top Via
 * sent-by, and method, where an ACK matches the INVITE it acknowledges.
 */
public record ServerTransactionKey(String branch, String sentBy, String method) {

    public ServerTransactionKey {
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(sentBy, "sentBy");
        Objects.requireNonNull(method, "method");
    }

    public static ServerTransactionKey of(SipMessageView request) {
        String method = "ACK".equals(request.method()) ? "INVITE" : request.method();
        return new ServerTransactionKey(request.topViaBranch(), request.topViaSentBy(), method);
    }

    /** The INVITE server transaction a CANCEL targets (RFC 3261 section 9.2): same key, method INVITE. */
    public static ServerTransactionKey cancelTarget(SipMessageView cancel) {
        return new ServerTransactionKey(cancel.topViaBranch(), cancel.topViaSentBy(), "INVITE");
    }
}
