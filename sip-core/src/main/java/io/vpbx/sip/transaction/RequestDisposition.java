package io.vpbx.sip.transaction;

/** What the table did with an incoming request; the wire layer counts each outcome. */
public enum RequestDisposition {
    /** A new server transaction was created and the TU was given the request. */
    CREATED,
    /** A retransmission or ACK absorbed by an existing server transaction. */
    MATCHED,
    /** An ACK matching no transaction (the ACK for a 2xx): the core handles it. */
    STRAY_ACK,
    /** The table is full; the core should answer 503 statelessly. */
    REJECTED_FULL,
    /** No branch with the z9hG4bK cookie and no RFC 2543 fields to match on instead: not matched here. */
    NOT_RFC3261
}
