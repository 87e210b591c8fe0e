package io.vpbx.media.rtp;

/**
 * Sequence-number bookkeeping of received RTP (RFC 3550 appendix A.1, simplified): the extended highest sequence
 * number and the count received, so that lost = expected - received. A new SSRC (the far end restarted its
 * stream) starts the count over, keeping what was lost before.
 */
public final class ReceptionStats {

    private static final int MAX_DROPOUT = 3000;

    private boolean started;
    private int ssrc;
    private long base;
    private long highest;
    private long received;
    private long lostBefore;

    /** Records one accepted packet. */
    public void received(int packetSsrc, int sequence) {
        if (!started || packetSsrc != ssrc) {
            lostBefore = lost();
            started = true;
            ssrc = packetSsrc;
            base = sequence;
            highest = sequence;
            received = 1;
            return;
        }
        received++;
        int delta = (sequence - (int) (highest & 0xFFFF)) & 0xFFFF;
        if (delta > 0 && delta < MAX_DROPOUT) {
            highest += delta;
        } else if (delta >= 0x10000 - MAX_DROPOUT) {
            return; // reordered or duplicated: behind the highest, already counted as expected
        } else if (delta != 0) {
            lostBefore = lost(); // a jump: the sender restarted its sequence; start over from here
            base = sequence;
            highest = sequence;
            received = 1;
        }
    }

    /** Whether any packet was received. */
    public boolean started() {
        return started;
    }

    /** The SSRC of the stream received last (meaningful once {@link #started}). */
    public int ssrc() {
        return ssrc;
    }

    public long received() {
        return received;
    }

    /** Packets expected but never received (never negative: duplicates do not make up for losses). */
    public long lost() {
        return lostBefore + (started ? Math.max(0, highest - base + 1 - received) : 0);
    }
}
