package io.vpbx.sip.transaction;

import java.util.Objects;

/**
 * Matches a request to a server transaction (RFC 3261 section 17.2.3): top Via branch, top Via
 * sent-by, and method, where an ACK matches the INVITE it acknowledges; for an RFC 2543 request, the fields
 * that section names stand in for the branch ({@link SipMessageView#rfc2543Id()}).
 */
public record ServerTransactionKey(String branch, String sentBy, String method) {

    /** Starts the branch of a key made for an RFC 2543 request; no RFC 3261 branch starts so (it has the cookie). */
    private static final String RFC2543 = "rfc2543 ";

    public ServerTransactionKey {
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(sentBy, "sentBy");
        Objects.requireNonNull(method, "method");
    }

    public static ServerTransactionKey of(SipMessageView request) {
        String method = "ACK".equals(request.method()) ? "INVITE" : request.method();
        return keyed(request, method);
    }

    /** The INVITE server transaction a CANCEL targets (RFC 3261 section 9.2): same key, method INVITE. */
    public static ServerTransactionKey cancelTarget(SipMessageView cancel) {
        return keyed(cancel, "INVITE");
    }

    /**
     * By the branch when it carries the magic cookie; otherwise (RFC 2543) by the fields of section 17.2.3 in
     * place of the branch; null when neither is there.
     */
    private static ServerTransactionKey keyed(SipMessageView request, String method) {
        String branch = request.topViaBranch();
        if (request.topViaSentBy() == null) {
            return null;
        }
        if (branch != null && branch.startsWith(TransactionTable.MAGIC_COOKIE)) {
            return new ServerTransactionKey(branch, request.topViaSentBy(), method);
        }
        String legacy = request.rfc2543Id();
        return legacy == null ? null : new ServerTransactionKey(RFC2543 + legacy, request.topViaSentBy(), method);
    }
}
