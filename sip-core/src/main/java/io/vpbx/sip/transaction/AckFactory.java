package io.vpbx.sip.transaction;

/**
 * Builds the ACK for a 300-699 final response (RFC 3261 section 17.1.1.3): Request-URI, Call-ID,
 * From, CSeq number, top Via and Route from the INVITE, To from the response, CSeq method ACK.
 * The transaction layer does not parse, so the wire layer supplies this.
 */
@FunctionalInterface
public interface AckFactory<M extends SipMessageView> {

    M ackFor(M invite, M finalResponse);
}
