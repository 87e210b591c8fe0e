package io.vpbx.sip;

import java.util.Locale;

/** Why a received message got no answer although it was not a message that is never answered. */
public enum DropReason {

    /** Larger than the configured maximum message size; never read. */
    OVERSIZED,
    /** Not a SIP message, or a stream whose framing could not be followed. */
    MALFORMED,
    /** A response; a stateless responder has no client transactions to match it to. */
    RESPONSE,
    /** A request lacking what a response needs to reach its sender (RFC 3261 section 8.2.6.2, 17.1.3). */
    UNANSWERABLE,
    /** A request from a source IP address that sent more than its configured rate and burst; never read. */
    THROTTLED,
    /**
     * More header fields than the configured maximum, in a message that cannot be answered with 400: a
     * response, an ACK, or a request without a readable Via and CSeq.
     */
    TOO_MANY_HEADERS,
    /** A malformed response (a status line out of 100..699): never answered, whatever it carries. */
    MALFORMED_RESPONSE,
    /** A malformed ACK: an ACK is never answered (RFC 3261 section 17.2.1), so it is dropped. */
    MALFORMED_ACK,
    /**
     * An ACK for a 2xx that belongs to no dialog set up through this proxy (no route signed for it, or not from
     * one of the dialog's parties): relayed it would make the proxy an open relay, answered it cannot be.
     */
    ACK_OUTSIDE_DIALOG;

    /** The counter every layer that drops input counts into, tagged with {@link #tag()}. */
    public static final String METER = "vpbx.sip.dropped";

    /** The value of the {@code reason} tag of {@code vpbx.sip.dropped}. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
