package io.vpbx.media;

/**
 * The voice codecs vpbx speaks: G.711 at 8 kHz, 20 ms per packet (160 samples, 160 bytes). Static RTP payload
 * types from RFC 3551; the order is vpbx's preference when it makes the offer.
 */
public enum Codec {
    PCMU(0, "PCMU"),
    PCMA(8, "PCMA");

    public static final int CLOCK_RATE = 8000;
    public static final int PACKET_MILLIS = 20;
    public static final int SAMPLES_PER_PACKET = CLOCK_RATE * PACKET_MILLIS / 1000;

    private final int payloadType;
    private final String encodingName;

    Codec(int payloadType, String encodingName) {
        this.payloadType = payloadType;
        this.encodingName = encodingName;
    }

    /** The static RTP payload type (RFC 3551 table 4). */
    public int payloadType() {
        return payloadType;
    }

    /** The encoding name in an SDP rtpmap line. */
    public String encodingName() {
        return encodingName;
    }
}
