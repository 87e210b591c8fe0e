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
    UNANSWERABLE;

    /** The value of the {@code reason} tag of {@code vpbx.sip.dropped}. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
