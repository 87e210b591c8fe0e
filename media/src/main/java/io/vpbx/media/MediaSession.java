package io.vpbx.media;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * One call's media at vpbx: an RTP/RTCP port pair on one event loop. The primitives that voice messages,
 * voicemail and IVR scenarios are built from. Every method may be called from any thread; callbacks and
 * completions run on {@link #executor()}, the session's event loop, in order. Nothing blocks.
 */
public interface MediaSession {

    /** The call this session serves (for logs and metrics). */
    String callId();

    /** The local RTP address to put in SDP (advertised host, even port); RTCP is the next port. */
    InetSocketAddress localRtp();

    /**
     * Where to send, from the negotiated SDP; called again on a re-INVITE (new address, hold, resume). Until the
     * first call nothing is sent; received packets are accepted from the given address, or latched to the first
     * source that sends valid RTP of the agreed payload types (symmetric RTP, callers behind NAT).
     */
    void connect(RemoteMedia remote);

    /**
     * Plays the clip {@code times} times in a row, replacing whatever was playing (that play completes as
     * stopped). Completes with true when played to the end, false when stopped or the session closed.
     */
    CompletionStage<Boolean> play(AudioClip clip, int times);

    /** Stops playing; silence follows (no packets while nothing plays, RFC 3550 allows it). */
    void stopPlaying();

    /** Called with each digit the far end sends (RFC 4733), once per event, when the event ends. */
    void onDigit(Consumer<Character> listener);

    /** Sends a digit as RFC 4733 telephone-event packets (when the far end offered telephone-event). */
    void sendDigit(char digit, Duration length);

    /** Records what the far end sends until a limit is reached or {@link #stopRecording()}; one at a time. */
    CompletionStage<Recording> record(RecordLimits limits);

    /** Ends the recording in progress: it completes as {@link Recording.Ended#STOPPED} with what it holds. */
    void stopRecording();

    /**
     * Connects this session's far end with {@code other}'s (a B2BUA's two legs): from now on what each far end sends,
     * voice and RFC 4733 events, is sent on to the other, with each leg's own SSRC, sequence numbers and timeline
     * (never the other leg's), PCMU and PCMA transcoded when the legs differ. Plays and recordings on both end as
     * stopped; a leg that plays or holds meanwhile drops what it would relay. Replaces an earlier bridge of either
     * session; {@link #unbridge()} or closing either session ends it. {@code other} comes from the same
     * {@link MediaServer}; the two may live on different event loops.
     */
    void bridge(MediaSession other);

    /** Ends this session's bridge, both ways; nothing when it has none. */
    void unbridge();

    /** The session's event loop: every completion and callback runs on it. */
    Executor executor();

    /** Stops playing and recording (completing them), releases the ports; idempotent. */
    void close();
}
