package io.vpbx.sip.uas;

import io.vpbx.media.RemoteMedia;

/** What the caller's SDP (an offer, or the answer to ours) came to: media both sides speak, or none. */
sealed interface MediaTerms {

    /**
     * @param remote       where and how vpbx sends, and whether it may (not while the caller holds the call)
     * @param ourDirection the direction attribute of vpbx's side (RFC 3264 section 6.1): the offer's, mirrored
     */
    record Agreed(RemoteMedia remote, String ourDirection) implements MediaTerms {
    }

    /** No audio stream with a codec vpbx speaks: answered 488 with a 305 Warning (RFC 3261 section 20.43). */
    record Incompatible(String why) implements MediaTerms {
    }
}
