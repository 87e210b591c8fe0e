package io.vpbx.sip.uas;

import io.vpbx.media.AudioClip;
import io.vpbx.media.MediaSession;
import io.vpbx.media.RecordLimits;
import io.vpbx.media.Recording;
import io.vpbx.media.RemoteMedia;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The media side of a dry run: no socket, no audio. Every play completes at once (reporting the clip to
 * {@code played}), a recording is empty (so a voicemail is discarded as too short), and the digits the caller "presses"
 * come from {@link #press}.
 */
final class SimulatedMedia implements MediaSession {
    private final String callId;
    private final Executor loop;
    private final Consumer<AudioClip> played;
    private Consumer<Character> digits = digit -> { };

    SimulatedMedia(String callId, Executor loop, Consumer<AudioClip> played) {
        this.callId = callId;
        this.loop = loop;
        this.played = played;
    }

    /** The caller presses {@code digit}: handed to the listener the script registered. */
    void press(char digit) {
        digits.accept(digit);
    }

    @Override
    public String callId() {
        return callId;
    }

    @Override
    public InetSocketAddress localRtp() {
        return InetSocketAddress.createUnresolved("simulation.invalid", 0);
    }

    @Override
    public void connect(RemoteMedia remote) {
    }

    @Override
    public CompletionStage<Boolean> play(AudioClip clip, int times) {
        played.accept(clip);
        return CompletableFuture.completedFuture(true);
    }

    @Override
    public void stopPlaying() {
    }

    @Override
    public void onDigit(Consumer<Character> listener) {
        this.digits = listener;
    }

    @Override
    public void sendDigit(char digit, Duration length) {
    }

    @Override
    public CompletionStage<Recording> record(RecordLimits limits) {
        return CompletableFuture.completedFuture(new Recording(new short[0], Recording.Ended.SILENCE));
    }

    @Override
    public void stopRecording() {
    }

    @Override
    public void bridge(MediaSession other) {
    }

    @Override
    public void unbridge() {
    }

    @Override
    public Executor executor() {
        return loop;
    }

    @Override
    public void close() {
    }
}
