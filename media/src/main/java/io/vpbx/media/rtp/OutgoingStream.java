package io.vpbx.media.rtp;

import io.netty.buffer.ByteBuf;
import java.util.random.RandomGenerator;

/**
 * What vpbx sends on one session (RFC 3550 section 5.1): a random SSRC kept for the session, sequence numbers from a
 * random start going up by one per packet, and timestamps from a random start that follow the pacing timeline
 * ({@code frame} counts 20 ms slots since the ticker started, so silence between clips advances the timestamp as
 * the clock does). Counts packets and payload octets for sender reports.
 */
public final class OutgoingStream {

    private final int ssrc;
    private final int timestampBase;
    private final int samplesPerFrame;
    private int sequence;
    private long packets;
    private long octets;

    public OutgoingStream(RandomGenerator random, int samplesPerFrame) {
        this.ssrc = random.nextInt();
        this.timestampBase = random.nextInt();
        this.sequence = random.nextInt(0x10000);
        this.samplesPerFrame = samplesPerFrame;
    }

    /** The RTP timestamp of the 20 ms slot {@code frame} (wraps at 2^32 as RTP timestamps do). */
    public int timestampOf(long frame) {
        return timestampBase + (int) (frame * samplesPerFrame);
    }

    /** The RTP timestamp at a fractional slot (for sender reports, which pair it with the wall clock). */
    public int timestampAt(double frame) {
        return timestampBase + (int) (long) (frame * samplesPerFrame);
    }

    /** Writes the next header (taking the next sequence number) and counts the payload that will follow. */
    public void writeHeader(ByteBuf out, boolean marker, int payloadType, int timestamp, int payloadLength) {
        RtpPacket.writeHeader(out, marker, payloadType, sequence, timestamp, ssrc);
        sequence = (sequence + 1) & 0xFFFF;
        packets++;
        octets += payloadLength;
    }

    public int ssrc() {
        return ssrc;
    }

    public long packets() {
        return packets;
    }

    public long octets() {
        return octets;
    }
}
