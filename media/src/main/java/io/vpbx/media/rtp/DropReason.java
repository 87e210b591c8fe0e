package io.vpbx.media.rtp;

/** Why a received datagram was thrown away; the {@code reason} tag of the dropped-packets counter. */
public enum DropReason {
    /** Larger than any G.711 or telephone-event packet can be ({@link RtpPacket#MAX_DATAGRAM} bytes). */
    OVERSIZED("oversized"),
    /** Not RTP version 2 (or an RTCP packet on the RTP port). */
    NOT_RTP("not-rtp"),
    /** Version 2, but the header, CSRC list, extension or padding does not fit the datagram. */
    MALFORMED("malformed"),
    /** A payload type that was not agreed in SDP. */
    UNKNOWN_PAYLOAD_TYPE("unknown-payload-type"),
    /** Valid RTP from an address other than the one the session latched to. */
    WRONG_SOURCE("wrong-source"),
    /** RTP before the SIP side said where the far end is (no payload types agreed yet). */
    NOT_CONNECTED("not-connected"),
    /** A telephone event that is not a DTMF digit (0-9 * # A-D), or one too short to read. */
    UNKNOWN_EVENT("unknown-event"),
    /** An RTCP datagram that does not parse as a compound of version 2 packets. */
    RTCP_MALFORMED("rtcp-malformed"),
    /** A bridged packet the other leg's loop could not take in time (its handoff queue was full). */
    BRIDGE_OVERFLOW("bridge-overflow"),
    /** A bridged packet the other leg cannot send now (not connected, on hold, playing, or no telephone-event). */
    BRIDGE_UNSENDABLE("bridge-unsendable");

    private final String tag;

    DropReason(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }
}
