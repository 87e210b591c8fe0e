package io.vpbx.media.session;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.vpbx.media.AudioClip;
import io.vpbx.media.Codec;
import io.vpbx.media.MediaSession;
import io.vpbx.media.RecordLimits;
import io.vpbx.media.Recording;
import io.vpbx.media.RemoteMedia;
import io.vpbx.media.rtp.DropReason;
import io.vpbx.media.rtp.MediaMetrics;
import io.vpbx.media.rtp.ReceptionStats;
import io.vpbx.media.rtp.RtcpReader;
import io.vpbx.media.rtp.RtcpTranslation;
import io.vpbx.media.rtp.RtpPacket;
import io.vpbx.media.rtp.SymmetricLatch;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call's media on one event loop. Every public method hands its work to the loop; all state is touched only
 * there. Receiving: packets checked and latched here, digits to {@link TelephoneEvents}, voice to the
 * {@link RecordingInProgress}. Sending: {@link OutgoingMedia}, driven by the loop's {@link PacingTicker}. While the
 * far end holds the call ({@code send=false}) the play pauses where it is and resumes with the next frame when
 * sending is allowed again; holding does not end it. Bridged ({@link #bridge}) to another session, each valid packet
 * heard is also handed to the peer's {@link RelayInlet} (a retained slice, no copy), and the peer sends it with its
 * own numbering ({@link OutgoingMedia#relay}) as soon as its loop takes it.
 */
final class RtpSession implements MediaSession, PacingTicker.Paced, TelephoneEvents.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(RtpSession.class);
    private static final Recording NOTHING = new Recording(new short[0], Recording.Ended.STOPPED);

    private final String callId;
    private final InetSocketAddress localRtp;
    private final PacingTicker ticker;
    private final EventLoop loop;
    private final Channel rtpChannel;
    private final Channel rtcpChannel;
    private final MediaMetrics metrics;
    private final EncodedClips clips;
    private final Runnable released;
    private final OutgoingMedia outgoing;
    private final SymmetricLatch latch = new SymmetricLatch();
    private final ReceptionStats reception = new ReceptionStats();
    private final TelephoneEvents events = new TelephoneEvents(this);
    private final RelayInlet inlet;

    private volatile RemoteMedia remote; // written on the loop, read by play() to encode off the loop
    private InetSocketAddress rtcpSource;
    private Consumer<Character> digitListener = digit -> { };
    private RecordingInProgress recording;
    private RtpSession bridged;
    private boolean ticking;
    private boolean closed;

    RtpSession(String callId, InetSocketAddress localRtp, PacingTicker ticker, Channel rtpChannel,
            Channel rtcpChannel, MediaMetrics metrics, EncodedClips clips, Clock clock, Runnable released) {
        this.callId = callId;
        this.localRtp = localRtp;
        this.ticker = ticker;
        this.loop = ticker.loop();
        this.rtpChannel = rtpChannel;
        this.rtcpChannel = rtcpChannel;
        this.metrics = metrics;
        this.clips = clips;
        this.released = released;
        this.outgoing = new OutgoingMedia(rtpChannel, rtcpChannel, ticker, metrics, clips, clock,
                "vpbx@" + localRtp.getAddress().getHostAddress());
        this.inlet = new RelayInlet(loop, metrics, this::relayed);
    }

    @Override
    public String callId() {
        return callId;
    }

    @Override
    public InetSocketAddress localRtp() {
        return localRtp;
    }

    @Override
    public Executor executor() {
        return loop;
    }

    @Override
    public void connect(RemoteMedia media) {
        Objects.requireNonNull(media, "remote");
        onLoop(() -> {
            remote = media;
            latch.signalled(media.rtp());
            joinTicker();
        }, () -> { });
    }

    @Override
    public CompletionStage<Boolean> play(AudioClip clip, int times) {
        Objects.requireNonNull(clip, "clip");
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1");
        }
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        RemoteMedia agreed = remote;
        Codec codec = agreed != null ? agreed.codec() : Codec.PCMU;
        byte[] encoded = clips.encoded(clip, codec); // on the caller's thread: a long clip never stalls the loop
        onLoop(() -> {
            if (closed) {
                done.complete(false);
                return;
            }
            outgoing.play(new Playback(clip, codec, encoded, times, done));
            joinTicker();
        }, () -> done.complete(false));
        return done;
    }

    @Override
    public void stopPlaying() {
        onLoop(outgoing::stopPlaying, () -> { });
    }

    @Override
    public void onDigit(Consumer<Character> listener) {
        Objects.requireNonNull(listener, "listener");
        onLoop(() -> digitListener = listener, () -> { });
    }

    @Override
    public void sendDigit(char digit, Duration length) {
        DigitSender sender = new DigitSender(digit, (int) Math.min(8000, length.toMillis()));
        onLoop(() -> {
            if (closed || remote == null || !remote.hasTelephoneEvents()) {
                LOG.debug("call {}: digit {} not sent, the far end has no telephone-event", callId, digit);
                return;
            }
            outgoing.queue(sender);
            joinTicker();
        }, () -> { });
    }

    @Override
    public CompletionStage<Recording> record(RecordLimits limits) {
        Objects.requireNonNull(limits, "limits");
        CompletableFuture<Recording> done = new CompletableFuture<>();
        onLoop(() -> {
            if (closed) {
                done.complete(NOTHING);
            } else if (recording != null) {
                done.completeExceptionally(new IllegalStateException("call " + callId + " is already recording"));
            } else {
                recording = new RecordingInProgress(limits, done, System.nanoTime());
                joinTicker();
            }
        }, () -> done.complete(NOTHING));
        return done;
    }

    @Override
    public void stopRecording() {
        onLoop(() -> endRecording(Recording.Ended.STOPPED), () -> { });
    }

    @Override
    public void bridge(MediaSession other) {
        if (!(other instanceof RtpSession peer) || peer == this) {
            throw new IllegalArgumentException("a bridge joins two distinct sessions of one media server");
        }
        onLoop(() -> attach(peer), () -> { });
        peer.onLoop(() -> peer.attach(this), () -> { });
    }

    @Override
    public void unbridge() {
        onLoop(this::detachBoth, () -> { });
    }

    @Override
    public void close() {
        onLoop(this::closeOnLoop, () -> { });
    }

    // ---- on the loop from here on ----

    /** One RTP datagram from the socket. */
    void receiveRtp(ByteBuf datagram, InetSocketAddress source) {
        if (closed) {
            return;
        }
        RtpPacket.Read read = RtpPacket.read(datagram);
        if (!read.ok()) {
            metrics.dropped(read.dropped());
            return;
        }
        RtpPacket packet = read.packet();
        RemoteMedia agreed = remote;
        if (agreed == null) {
            metrics.dropped(DropReason.NOT_CONNECTED);
            return;
        }
        boolean voice = packet.payloadType() == agreed.codec().payloadType();
        boolean event = agreed.hasTelephoneEvents() && packet.payloadType() == agreed.telephoneEventType();
        if (!voice && !event) {
            metrics.dropped(DropReason.UNKNOWN_PAYLOAD_TYPE);
            return;
        }
        if (!latch.accept(source)) {
            metrics.dropped(DropReason.WRONG_SOURCE);
            return;
        }
        metrics.received();
        reception.received(packet.ssrc(), packet.sequence());
        if (bridged != null) {
            bridged.inlet.offer(new RelayedFrame(datagram.retainedSlice(
                    packet.payloadOffset() - RtpPacket.HEADER_LENGTH, RtpPacket.HEADER_LENGTH + packet.payloadLength()),
                    event, agreed.codec(), packet.ssrc(), packet.timestamp(), packet.marker()));
        }
        if (!event && recording == null) {
            return; // voice nobody records: counted, not kept
        }
        byte[] payload = new byte[packet.payloadLength()];
        datagram.getBytes(packet.payloadOffset(), payload);
        long now = System.nanoTime();
        if (event) {
            if (!events.receive(packet.timestamp(), payload, now)) {
                metrics.dropped(DropReason.UNKNOWN_EVENT);
            }
            joinTicker(); // to report a digit whose end packets never come
        } else {
            short[] samples = EncodedClips.decode(payload, agreed.codec());
            if (recording.voice(packet.timestamp(), samples, now) == ClipRecorder.Placed.LATE) {
                metrics.late();
            }
            if (recording.ended()) {
                finishRecording();
            }
        }
    }

    /**
     * One RTCP datagram: counted, and its source becomes where sender reports go; bridged, a copy goes to the peer,
     * which translates it for its own leg ({@link RtcpTranslation}) and sends it on.
     */
    void receiveRtcp(ByteBuf datagram, InetSocketAddress source) {
        if (closed) {
            return;
        }
        int packets = RtcpReader.count(datagram);
        if (packets < 0) {
            metrics.dropped(DropReason.RTCP_MALFORMED);
            return;
        }
        metrics.reportsReceived(packets);
        InetSocketAddress target = latch.target();
        if (rtcpSource == null && target != null && target.getAddress().equals(source.getAddress())) {
            rtcpSource = source;
        }
        RtpSession peer = bridged;
        if (peer != null && target != null && target.getAddress().equals(source.getAddress())) {
            byte[] compound = new byte[datagram.readableBytes()];
            datagram.getBytes(datagram.readerIndex(), compound);
            peer.onLoop(() -> peer.relayReport(this, compound), () -> { });
        }
    }

    /** An RTCP compound the bridged peer heard from its far end, on this loop now: translated and sent to ours. */
    private void relayReport(RtpSession from, byte[] compound) {
        InetSocketAddress target = latch.target();
        if (closed || bridged != from || target == null || !reception.started()) {
            return; // no bridge any more, or nothing heard from our far end yet: no SSRC to report on
        }
        int length = RtcpTranslation.translate(compound, compound.length, outgoing.ssrc(), reception.ssrc());
        if (length > 0) {
            outgoing.relayReport(compound, length, rtcpSource != null ? rtcpSource
                    : new InetSocketAddress(target.getAddress(), target.getPort() + 1));
        }
    }

    @Override
    public boolean tick(long slot, long now) {
        if (closed) {
            ticking = false;
            return false;
        }
        events.expire(now);
        if (recording != null && recording.checkClock(now)) {
            finishRecording();
        }
        outgoing.tick(slot, now, remote, latch.target(), rtcpSource);
        ticking = outgoing.busy() || recording != null || events.waiting();
        return ticking;
    }

    @Override
    public void started(char digit, int timestamp) {
        if (digit == '#' && recording != null && recording.hash(timestamp)) {
            finishRecording();
        }
    }

    @Override
    public void ended(char digit) {
        try {
            digitListener.accept(digit);
        } catch (RuntimeException e) {
            LOG.warn("call {}: digit listener failed on {}", callId, digit, e);
        }
    }

    /** A frame the bridged peer heard, on this loop now: sent on at once, with this leg's numbering. */
    private void relayed(RelayedFrame frame) {
        if (closed) {
            frame.packet().release();
            return;
        }
        if (!outgoing.relay(frame, ticker.slotAt(System.nanoTime()), remote, latch.target())) {
            metrics.dropped(DropReason.BRIDGE_UNSENDABLE);
        }
    }

    private void attach(RtpSession peer) {
        if (closed) {
            peer.onLoop(() -> peer.detach(this), () -> { });
            return;
        }
        if (bridged != null && bridged != peer) {
            detachBoth();
        }
        bridged = peer;
        outgoing.stopPlaying();
        endRecording(Recording.Ended.STOPPED);
        outgoing.newBridge();
    }

    private void detachBoth() {
        RtpSession peer = bridged;
        bridged = null;
        if (peer != null) {
            peer.onLoop(() -> peer.detach(this), () -> { });
        }
    }

    private void detach(RtpSession peer) {
        if (bridged == peer) {
            bridged = null;
        }
    }

    private void endRecording(Recording.Ended why) {
        if (recording != null) {
            recording.stop(why);
            finishRecording();
        }
    }

    private void finishRecording() {
        RecordingInProgress ended = recording;
        recording = null;
        ended.complete();
    }

    private void joinTicker() {
        if (!ticking && !closed) {
            ticking = true;
            ticker.join(this);
        }
    }

    private void closeOnLoop() {
        if (closed) {
            return;
        }
        outgoing.close();
        endRecording(Recording.Ended.STOPPED);
        closed = true;
        detachBoth();
        inlet.discard();
        metrics.lost(reception.lost());
        rtcpChannel.close();
        rtpChannel.close().addListener(f -> released.run());
    }

    private void onLoop(Runnable task, Runnable ifLoopGone) {
        if (loop.inEventLoop()) {
            task.run();
            return;
        }
        try {
            loop.execute(task);
        } catch (RejectedExecutionException e) {
            ifLoopGone.run();
        }
    }
}
