package io.vpbx.sip.transaction;

/**
 * What the transaction layer needs to know about a SIP message, and nothing more.
 *
 * <p>The transaction layer never parses: the wire layer (which may splice bytes rather than
 * build JAIN-SIP objects) implements this view over whatever it holds. The message itself stays
 * opaque and travels back out through {@link Transport#send}, so the raw bytes never pass through
 * this package.
 *
 * <p>Values are compared exactly as returned. Implementations normalise once at the edge: the
 * sent-by as lower-case host plus explicit port, methods as the case-sensitive SIP token.
 */
public interface SipMessageView {

    /** True for requests, false for responses. */
    boolean isRequest();

    /** The request method; for responses, the CSeq method. */
    String method();

    /** The status code of a response; unspecified (typically 0) for requests. */
    int statusCode();

    /** The branch parameter of the top Via header, or null if absent. */
    String topViaBranch();

    /** The sent-by (host:port) of the top Via header; needed to key server transactions. */
    String topViaSentBy();

    /** The method of the CSeq header. */
    String cseqMethod();

    /**
     * For a request whose top Via has no branch with the magic cookie (an RFC 2543 peer), what RFC 3261 section
     * 17.2.3 matches its transaction on instead: Request-URI, From tag, Call-ID, CSeq number and the whole top Via
     * (the To tag is left out, so that the ACK for a non-2xx, which carries our tag, matches its INVITE). Null
     * when the message offers none, and such a request cannot be matched.
     */
    default String rfc2543Id() {
        return null;
    }
}
