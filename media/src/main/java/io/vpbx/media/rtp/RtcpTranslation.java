package io.vpbx.media.rtp;

/**
 * RTCP from one leg of a bridge made fit for the other (RFC 3550 section 7.1: a translator that changes SSRCs must
 * change them in RTCP too). vpbx relays each leg's RTP with the other leg's own SSRC, so in a compound from leg A
 * the sender's SSRC (A's) becomes the SSRC vpbx sends to leg B with, and each report block's SSRC (vpbx's stream
 * toward A) becomes the SSRC B sends, the stream A's media stands in for. What A measured (loss, jitter, LSR and
 * DLSR for the round trip) reaches B as its own end-to-end view; the extended highest sequence numbers stay in A's
 * numbering. SR, RR, SDES, BYE and the feedback messages (RFC 4585) are translated; any other packet type (APP, XR)
 * is cut from the compound, as its SSRCs cannot be found without knowing it. Works in place on a datagram that
 * {@link RtcpReader#count} accepted.
 */
public final class RtcpTranslation {
    private static final int SR = 200;
    private static final int RR = 201;
    private static final int SDES = 202;
    private static final int BYE = 203;
    private static final int RTPFB = 205;
    private static final int PSFB = 206;
    private static final int REPORT_BLOCK = 24;
    private static final int SENDER_INFO = 20;

    private RtcpTranslation() {
    }

    /**
     * Translates {@code compound} (whole RTCP packets, already checked) and returns its new length: packets of other
     * types are removed, the rest move up. {@code sender}: the SSRC the receiving leg hears the media from;
     * {@code reported}: the SSRC the receiving leg itself sends. 0 when nothing is left to relay.
     */
    public static int translate(byte[] compound, int length, int sender, int reported) {
        int read = 0;
        int write = 0;
        while (read + 4 <= length) {
            int size = 4 + 4 * (((compound[read + 2] & 0xff) << 8) | (compound[read + 3] & 0xff));
            if (read + size > length) {
                break;
            }
            if (translated(compound, read, size, sender, reported)) {
                System.arraycopy(compound, read, compound, write, size);
                write += size;
            }
            read += size;
        }
        return write;
    }

    /** Rewrites one packet at {@code at} of {@code size} bytes; false when its type is not relayed. */
    private static boolean translated(byte[] packet, int at, int size, int sender, int reported) {
        int count = packet[at] & 0x1f;
        int type = packet[at + 1] & 0xff;
        switch (type) {
            case SR, RR -> {
                if (size < 8) {
                    return false;
                }
                put(packet, at + 4, sender);
                int blocks = at + 8 + (type == SR ? SENDER_INFO : 0);
                for (int i = 0; i < count && blocks + (i + 1) * REPORT_BLOCK <= at + size; i++) {
                    put(packet, blocks + i * REPORT_BLOCK, reported);
                }
                return true;
            }
            case SDES -> {
                return sdes(packet, at, size, count, sender);
            }
            case BYE -> {
                for (int i = 0; i < count && at + 8 + 4 * i <= at + size; i++) {
                    put(packet, at + 4 + 4 * i, sender);
                }
                return true;
            }
            case RTPFB, PSFB -> {
                if (size < 12) {
                    return false;
                }
                put(packet, at + 4, sender);
                put(packet, at + 8, reported);
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    /** Each chunk's SSRC becomes {@code sender}; a chunk is its SSRC, items up to a null one, padding to 32 bits. */
    private static boolean sdes(byte[] packet, int at, int size, int count, int sender) {
        int end = at + size;
        int chunk = at + 4;
        for (int i = 0; i < count; i++) {
            if (chunk + 4 > end) {
                return false;
            }
            put(packet, chunk, sender);
            int item = chunk + 4;
            while (item < end && packet[item] != 0) {
                if (item + 2 > end) {
                    return false;
                }
                item += 2 + (packet[item + 1] & 0xff);
            }
            chunk = (item + 4) & ~3; // the null item, then padding up to the next 32-bit boundary (packets start on one)
        }
        return true;
    }

    private static void put(byte[] bytes, int at, int value) {
        bytes[at] = (byte) (value >>> 24);
        bytes[at + 1] = (byte) (value >>> 16);
        bytes[at + 2] = (byte) (value >>> 8);
        bytes[at + 3] = (byte) value;
    }
}
