package io.vpbx.media.session;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.DatagramPacket;
import io.vpbx.media.AudioClip;
import io.vpbx.media.Codec;
import io.vpbx.media.MediaSession;
import io.vpbx.media.RecordLimits;
import io.vpbx.media.Recording;
import io.vpbx.media.RemoteMedia;
import io.vpbx.media.rtp.DropReason;
import io.vpbx.media.rtp.MediaMetrics;
import io.vpbx.media.rtp.OutgoingStream;
import io.vpbx.media.rtp.ReceptionStats;
import io.vpbx.media.rtp.RtcpReader;
import io.vpbx.media.rtp.RtpPacket;
import io.vpbx.media.rtp.SenderReport;
import io.vpbx.media.rtp.SymmetricLatch;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call's media on one event loop. Every public method hands its work to the loop; all state below is touched
 * only there. Sending is driven by the loop's {@link PacingTicker}: each slot sends the next 20 ms frame of a
 * digit (which pauses the voice) or of the clip playing. While the far end holds the call ({@code send=false}) the
 * play pauses where it is and resumes with the next frame when sending is allowed again; holding does not end it.
 */
final class RtpSession implements MediaSession, PacingTicker.Paced, TelephoneEvents.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(RtpSession.class);
    /** Frames sent at most in one tick when a tick came late (catching up on the ideal timeline). */
    static final int MAX_BURST = 3;
    /** Further behind than this, the timeline slips forward instead of bursting on (the loop was stalled). */
    static final int MAX_LAG_SLOTS = 10;
    static final long REPORT_INTERVAL_NANOS = Duration.ofSeconds(5).toNanos();
    private static final long MAX_LENGTH_GRACE_NANOS = Duration.ofMillis(500).toNanos();

    private final String callId;
    private final InetSocketAddress localRtp;
    private final PacingTicker ticker;
    private final EventLoop loop;
    private final Channel rtpChannel;
    private final Channel rtcpChannel;
    private final MediaMetrics metrics;
    private final EncodedClips clips;
    private final Clock clock;
    private final Runnable released;

    private final SymmetricLatch latch = new SymmetricLatch();
    private final OutgoingStream out = new OutgoingStream(ThreadLocalRandom.current(), Codec.SAMPLES_PER_PACKET);
    private final ReceptionStats reception = new ReceptionStats();
    private final TelephoneEvents events = new TelephoneEvents(this);
    private final Deque<DigitSender> digits = new ArrayDeque<>();
    private volatile RemoteMedia remote; // written on the loop, read by play() to encode off the loop
    private InetSocketAddress rtcpSource;
    private Consumer<Character> digitListener = digit -> { };
    private Playback playback;
    private DigitSender digit;
    private ClipRecorder recorder;
    private CompletableFuture<Recording> recordingDone;
    private long recordStarted;
    private long lastVoice;
    private RecordLimits recordLimits;
    private boolean idle = true;
    private boolean markerDue = true;
    private long nextSlot = Long.MIN_VALUE;
    private long lastReport;
    private long packetsAtLastReport;
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
        this.clock = clock;
        this.released = released;
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
            if (!media.send()) {
                idle = true;
            }
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
        RemoteMedia now = remote;
        Codec codec = now != null ? now.codec() : Codec.PCMU;
        byte[] encoded = clips.encoded(clip, codec); // on the caller's thread: a long clip never stalls the loop
        onLoop(() -> {
            if (closed) {
                done.complete(false);
                return;
            }
            stopCurrentPlay();
            playback = new Playback(clip, codec, encoded, times, done);
            markerDue = true;
            joinTicker();
        }, () -> done.complete(false));
        return done;
    }

    @Override
    public void stopPlaying() {
        onLoop(this::stopCurrentPlay, () -> { });
    }

    @Override
    public void onDigit(Consumer<Character> listener) {
        Objects.requireNonNull(listener, "listener");
        onLoop(() -> digitListener = listener, () -> { });
    }

    @Override
    public void sendDigit(char digitChar, Duration length) {
        DigitSender sender = new DigitSender(digitChar, (int) Math.min(8000, length.toMillis()));
        onLoop(() -> {
            if (closed || remote == null || !remote.hasTelephoneEvents()) {
                LOG.debug("call {}: digit {} not sent, the far end has no telephone-event", callId, digitChar);
                return;
            }
            digits.addLast(sender);
            joinTicker();
        }, () -> { });
    }

    @Override
    public CompletionStage<Recording> record(RecordLimits limits) {
        Objects.requireNonNull(limits, "limits");
        CompletableFuture<Recording> done = new CompletableFuture<>();
        onLoop(() -> {
            if (closed) {
                done.complete(new Recording(new short[0], Recording.Ended.STOPPED));
            } else if (recorder != null) {
                done.completeExceptionally(new IllegalStateException("call " + callId + " is already recording"));
            } else {
                recorder = new ClipRecorder(limits);
                recordingDone = done;
                recordLimits = limits;
                recordStarted = System.nanoTime();
                lastVoice = recordStarted;
                joinTicker();
            }
        }, () -> done.complete(new Recording(new short[0], Recording.Ended.STOPPED)));
        return done;
    }

    @Override
    public void stopRecording() {
        onLoop(() -> endRecording(Recording.Ended.STOPPED), () -> { });
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
        if (remote == null) {
            metrics.dropped(DropReason.NOT_CONNECTED);
            return;
        }
        boolean voice = packet.payloadType() == remote.codec().payloadType();
        boolean event = remote.hasTelephoneEvents() && packet.payloadType() == remote.telephoneEventType();
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
        byte[] payload = new byte[packet.payloadLength()];
        datagram.getBytes(packet.payloadOffset(), payload);
        long now = System.nanoTime();
        if (event) {
            if (!events.receive(packet.timestamp(), payload, now)) {
                metrics.dropped(DropReason.UNKNOWN_EVENT);
            }
            joinTicker();
        } else if (recorder != null) {
            lastVoice = now;
            ClipRecorder.Placed placed = recorder.add(packet.timestamp(), EncodedClips.decode(payload, remote.codec()));
            if (placed == ClipRecorder.Placed.LATE) {
                metrics.late();
            }
            if (recorder.ended()) {
                finishRecording();
            }
        }
    }

    /** One RTCP datagram: counted, and its source becomes where sender reports go. */
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
    }

    @Override
    public boolean tick(long slot, long now) {
        if (closed) {
            ticking = false;
            return false;
        }
        events.expire(now);
        checkRecordingClock(now);
        sendDue(slot);
        maybeReport(now);
        ticking = playback != null || digit != null || !digits.isEmpty() || recorder != null || events.waiting();
        return ticking;
    }

    @Override
    public void started(char digitChar, int timestamp) {
        if (digitChar == '#' && recorder != null && recorder.hash(timestamp)) {
            finishRecording();
        }
    }

    @Override
    public void ended(char digitChar) {
        try {
            digitListener.accept(digitChar);
        } catch (RuntimeException e) {
            LOG.warn("call {}: digit listener failed on {}", callId, digitChar, e);
        }
    }

    private void sendDue(long slot) {
        if (remote == null || !remote.send() || latch.target() == null || !somethingToSend()) {
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
            sendFrame(nextSlot++);
            sent++;
        }
        if (sent > 0) {
            rtpChannel.flush();
            if (lastReport == 0) {
                lastReport = System.nanoTime();
            }
        }
        if (playback != null && !playback.hasFrame()) {
            Playback finished = playback;
            playback = null;
            finished.finish(true);
        }
        if (!somethingToSend()) {
            idle = true;
        }
    }

    private boolean somethingToSend() {
        return digit != null || !digits.isEmpty() || (playback != null && playback.hasFrame());
    }

    private void sendFrame(long slot) {
        int timestamp = out.timestampOf(slot);
        if (digit == null) {
            digit = digits.pollFirst();
        }
        ByteBuf buffer;
        if (digit != null) {
            boolean first = digit.first();
            int eventTimestamp = digit.timestamp(timestamp);
            buffer = rtpChannel.alloc().directBuffer(RtpPacket.HEADER_LENGTH + 4);
            out.writeHeader(buffer, first, remote.telephoneEventType(), eventTimestamp, 4);
            buffer.writeInt(digit.nextPayload());
            if (digit.done()) {
                digit = null;
                markerDue = true; // the voice after a digit starts a new talkspurt
            }
        } else {
            playback.switchCodec(remote.codec(), clips);
            buffer = rtpChannel.alloc().directBuffer(RtpPacket.HEADER_LENGTH + Codec.SAMPLES_PER_PACKET);
            out.writeHeader(buffer, markerDue, playback.codec().payloadType(), timestamp, Codec.SAMPLES_PER_PACKET);
            buffer.writeBytes(playback.encoded(), playback.frameOffset(), Codec.SAMPLES_PER_PACKET);
            playback.advance();
            markerDue = false;
        }
        rtpChannel.write(new DatagramPacket(buffer, latch.target()), rtpChannel.voidPromise());
        metrics.sent();
    }

    private void maybeReport(long now) {
        if (lastReport == 0 || out.packets() == packetsAtLastReport || now - lastReport < REPORT_INTERVAL_NANOS) {
            return;
        }
        InetSocketAddress target = rtcpSource != null ? rtcpSource : rtcpOf(latch.target());
        if (target == null) {
            return;
        }
        lastReport = now;
        packetsAtLastReport = out.packets();
        ByteBuf buffer = rtcpChannel.alloc().directBuffer(64);
        SenderReport.write(buffer, out.ssrc(), clock.instant(), out.timestampAt(ticker.fractionalSlotAt(now)),
                out.packets(), out.octets(), "vpbx@" + localRtp.getHostString());
        rtcpChannel.writeAndFlush(new DatagramPacket(buffer, target), rtcpChannel.voidPromise());
        metrics.reportSent();
    }

    private static InetSocketAddress rtcpOf(InetSocketAddress rtp) {
        return rtp == null ? null : new InetSocketAddress(rtp.getAddress(), rtp.getPort() + 1);
    }

    private void checkRecordingClock(long now) {
        if (recorder == null) {
            return;
        }
        if (now - lastVoice >= recordLimits.silence().toNanos()) {
            endRecording(Recording.Ended.SILENCE); // nothing at all arrived for that long
        } else if (now - recordStarted >= recordLimits.maxLength().toNanos() + MAX_LENGTH_GRACE_NANOS) {
            endRecording(Recording.Ended.MAX_LENGTH); // the caller's clock runs slow, or packets stopped coming
        }
    }

    private void endRecording(Recording.Ended why) {
        if (recorder != null) {
            recorder.stop(why);
            finishRecording();
        }
    }

    private void finishRecording() {
        Recording recording = recorder.recording();
        CompletableFuture<Recording> done = recordingDone;
        recorder = null;
        recordingDone = null;
        recordLimits = null;
        done.complete(recording);
    }

    private void stopCurrentPlay() {
        if (playback != null) {
            Playback stopped = playback;
            playback = null;
            stopped.finish(false);
        }
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
        stopCurrentPlay();
        endRecording(Recording.Ended.STOPPED);
        digits.clear();
        digit = null;
        closed = true;
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
