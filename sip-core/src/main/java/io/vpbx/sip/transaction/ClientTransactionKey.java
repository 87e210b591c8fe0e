package io.vpbx.sip.transaction;

import java.util.Objects;

/**
 * Matches a response to a client transaction (RFC 3261 section 17.1.3): the top Via branch and
 * the CSeq method. The method is needed because a CANCEL shares its INVITE's branch.
 */
public record ClientTransactionKey(String branch, String method) {

    public ClientTransactionKey {
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(method, "method");
    }

    /** The key a client transaction is stored under: its request's branch and method. */
    public static ClientTransactionKey ofRequest(SipMessageView request) {
        return new ClientTransactionKey(request.topViaBranch(), request.method());
    }

    /** The key a response is looked up by: its top Via branch and CSeq method. */
    public static ClientTransactionKey ofResponse(SipMessageView response) {
        return new ClientTransactionKey(response.topViaBranch(), response.cseqMethod());
    }
}
