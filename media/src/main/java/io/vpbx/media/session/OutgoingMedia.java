package io.vpbx.media.session;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.socket.DatagramPacket;
import io.vpbx.media.Codec;
import io.vpbx.media.RemoteMedia;
import io.vpbx.media.rtp.MediaMetrics;
import io.vpbx.media.rtp.OutgoingStream;
import io.vpbx.media.rtp.RtpPacket;
import io.vpbx.media.rtp.SenderReport;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What one session sends, slot by slot of its loop's {@link PacingTicker}: a queued digit first (it pauses the
 * voice), else the next frame of the play. Frames go by the ideal timeline: each tick sends those whose 20 ms slot
 * has come, at most {@link #MAX_BURST} at once; more than {@link #MAX_LAG_SLOTS} behind (the loop stalled), the
 * timeline slips forward. The first packet after silence, a digit or a new play carries the marker. Sender
 * reports every {@link #REPORT_INTERVAL_NANOS} while sending. On its event loop only.
 */
final class OutgoingMedia {

    static final int MAX_BURST = 3;
    static final int MAX_LAG_SLOTS = 10;
    static final long REPORT_INTERVAL_NANOS = Duration.ofSeconds(5).toNanos();

    private final Channel rtp;
    private final Channel rtcp;
    private final PacingTicker ticker;
    private final MediaMetrics metrics;
    private final EncodedClips clips;
    private final Clock clock;
    private final String cname;
    private final OutgoingStream stream = new OutgoingStream(ThreadLocalRandom.current(), Codec.SAMPLES_PER_PACKET);
    private final Deque<DigitSender> digits = new ArrayDeque<>();
    private final TimestampMapping relayed = new TimestampMapping();
    private Playback playback;
    private DigitSender digit;
    private boolean idle = true;
    private boolean markerDue = true;
    private long nextSlot = Long.MIN_VALUE;
    private long lastReport;
    private long packetsAtLastReport;

    OutgoingMedia(Channel rtp, Channel rtcp, PacingTicker ticker, MediaMetrics metrics, EncodedClips clips,
            Clock clock, String cname) {
        this.rtp = rtp;
        this.rtcp = rtcp;
        this.ticker = ticker;
        this.metrics = metrics;
        this.clips = clips;
        this.clock = clock;
        this.cname = cname;
    }

    /** Starts a play, ending the one before as stopped. */
    void play(Playback next) {
        stopPlaying();
        playback = next;
        markerDue = true;
    }

    void stopPlaying() {
        if (playback != null) {
            Playback stopped = playback;
            playback = null;
            stopped.finish(false);
        }
    }

    void queue(DigitSender next) {
        digits.addLast(next);
    }

    /** Whether a play or a digit is under way (held or not). */
    boolean busy() {
        return playback != null || digit != null || !digits.isEmpty();
    }

    /** Ends the play as stopped and forgets queued digits (the session is closing). */
    void close() {
        stopPlaying();
        digits.clear();
        digit = null;
    }

    /**
     * Sends this slot's frames to {@code target}, when the far end lets vpbx send; sender reports go to
     * {@code rtcpSource} (where the far end's RTCP comes from) when known, else to the RTP target's port + 1.
     */
    void tick(long slot, long now, RemoteMedia remote, InetSocketAddress target, InetSocketAddress rtcpSource) {
        if (remote != null && !remote.hasTelephoneEvents() && (digit != null || !digits.isEmpty())) {
            digits.clear(); // a re-INVITE took telephone-event away: the digits can no longer be sent
            digit = null;
        }
        if (remote == null || !remote.send() || target == null || !somethingToSend()) {
            idle = true;
            return;
        }
        if (idle) {
            idle = false;
            markerDue = true;
            nextSlot = Math.max(nextSlot, slot);
        }
        if (slot - nextSlot > MAX_LAG_SLOTS) {
            nextSlot = slot - MAX_BURST + 1;
        }
        int sent = 0;
        while (nextSlot <= slot && sent < MAX_BURST && somethingToSend()) {
            rtp.write(new DatagramPacket(frame(nextSlot++, remote), target), rtp.voidPromise());
            metrics.sent();
            sent++;
        }
        if (sent > 0) {
            rtp.flush();
            if (lastReport == 0) {
                lastReport = now;
            }
        }
        if (playback != null && !playback.hasFrame()) {
            Playback finished = playback;
            playback = null;
            finished.finish(true);
        }
        idle = !somethingToSend();
        if (lastReport != 0 && stream.packets() != packetsAtLastReport && now - lastReport >= REPORT_INTERVAL_NANOS) {
            report(now, rtcpSource != null ? rtcpSource
                    : new InetSocketAddress(target.getAddress(), target.getPort() + 1));
        }
    }

    /**
     * Sends a frame the bridged peer heard, now (its far end paces it): the peer's header is replaced by this
     * stream's SSRC and sequence and the peer's timestamp mapped onto this stream's timeline; voice in the other
     * G.711 law is transcoded in place. Returns false (the frame released, nothing sent) when this leg cannot send
     * it: no target, on hold, playing or sending a digit of its own, or a telephone event the far end did not offer.
     */
    boolean relay(RelayedFrame frame, long slot, RemoteMedia remote, InetSocketAddress target) {
        ByteBuf packet = frame.packet();
        if (remote == null || !remote.send() || target == null || busy()
                || (frame.event() && !remote.hasTelephoneEvents())) {
            packet.release();
            return false;
        }
        int start = packet.readerIndex();
        int end = packet.writerIndex();
        int payloadType = frame.event() ? remote.telephoneEventType() : remote.codec().payloadType();
        if (!frame.event()) {
            G711Transcoding.transcode(packet, start + RtpPacket.HEADER_LENGTH, end - start - RtpPacket.HEADER_LENGTH,
                    frame.codec(), remote.codec());
        }
        int timestamp = relayed.map(frame.ssrc(), frame.timestamp(), stream.timestampOf(slot));
        boolean marker = frame.marker() || relayed.restarted();
        packet.writerIndex(start);
        stream.writeHeader(packet, marker, payloadType, timestamp, end - start - RtpPacket.HEADER_LENGTH);
        packet.writerIndex(end);
        rtp.writeAndFlush(new DatagramPacket(packet, target), rtp.voidPromise());
        metrics.sent();
        markerDue = true; // a play after the bridge starts a new talkspurt
        return true;
    }

    /** The SSRC this leg's far end hears vpbx's media (played or relayed) from. */
    int ssrc() {
        return stream.ssrc();
    }

    /** Sends an RTCP compound the bridged peer heard, translated for this leg, to {@code target}. */
    void relayReport(byte[] compound, int length, InetSocketAddress target) {
        ByteBuf buffer = rtcp.alloc().directBuffer(length);
        buffer.writeBytes(compound, 0, length);
        rtcp.writeAndFlush(new DatagramPacket(buffer, target), rtcp.voidPromise());
        metrics.reportRelayed();
    }

    /** A new bridge: the next relayed packet anchors the timestamp mapping afresh. */
    void newBridge() {
        relayed.reset();
    }

    private boolean somethingToSend() {
        return digit != null || !digits.isEmpty() || (playback != null && playback.hasFrame());
    }

    private ByteBuf frame(long slot, RemoteMedia remote) {
        int timestamp = stream.timestampOf(slot);
        if (digit == null) {
            digit = digits.pollFirst();
        }
        if (digit != null) {
            boolean first = digit.first();
            int eventTimestamp = digit.timestamp(timestamp);
            ByteBuf buffer = rtp.alloc().directBuffer(RtpPacket.HEADER_LENGTH + 4);
            stream.writeHeader(buffer, first, remote.telephoneEventType(), eventTimestamp, 4);
            buffer.writeInt(digit.nextPayload());
            if (digit.done()) {
                digit = null;
                markerDue = true; // the voice after a digit starts a new talkspurt
            }
            return buffer;
        }
        playback.switchCodec(remote.codec(), clips);
        ByteBuf buffer = rtp.alloc().directBuffer(RtpPacket.HEADER_LENGTH + Codec.SAMPLES_PER_PACKET);
        stream.writeHeader(buffer, markerDue, playback.codec().payloadType(), timestamp, Codec.SAMPLES_PER_PACKET);
        buffer.writeBytes(playback.encoded(), playback.frameOffset(), Codec.SAMPLES_PER_PACKET);
        playback.advance();
        markerDue = false;
        return buffer;
    }

    private void report(long now, InetSocketAddress target) {
        lastReport = now;
        packetsAtLastReport = stream.packets();
        ByteBuf buffer = rtcp.alloc().directBuffer(64);
        SenderReport.write(buffer, stream.ssrc(), clock.instant(),
                stream.timestampAt(ticker.fractionalSlotAt(now)), stream.packets(), stream.octets(), cname);
        rtcp.writeAndFlush(new DatagramPacket(buffer, target), rtcp.voidPromise());
        metrics.reportSent();
    }
}
