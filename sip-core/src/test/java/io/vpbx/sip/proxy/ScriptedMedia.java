package io.vpbx.sip.proxy;

import io.vpbx.media.AudioClip;
import io.vpbx.media.Codec;
import io.vpbx.media.MediaServer;
import io.vpbx.media.MediaSession;
import io.vpbx.media.RecordLimits;
import io.vpbx.media.Recording;
import io.vpbx.media.RemoteMedia;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * A media server for the SIP side's tests on the fake clock: it keeps what the leg asked of each session (the
 * addresses connected, the clips played, the recording limits) and lets the test end each play and recording. What
 * a caller hears and what a recording holds is proven against the real media server over RTP (AnsweringCallTest).
 */
final class ScriptedMedia implements MediaServer {
    final List<Session> sessions = new ArrayList<>();
    private final int ports;

    /** @param ports how many sessions may be open at once */
    ScriptedMedia(int ports) {
        this.ports = ports;
    }

    @Override
    public Optional<MediaSession> open(String callId) {
        if (activeSessions() >= ports) {
            return Optional.empty();
        }
        Session session = new Session(callId, new InetSocketAddress("192.0.2.10", 20_000 + 2 * sessions.size()));
        sessions.add(session);
        return Optional.of(session);
    }

    @Override
    public List<Codec> codecs() {
        return List.of(Codec.PCMU, Codec.PCMA);
    }

    @Override
    public int activeSessions() {
        return (int) sessions.stream().filter(session -> !session.closed).count();
    }

    @Override
    public void close() {
    }

    Session last() {
        return sessions.get(sessions.size() - 1);
    }

    static final class Session implements MediaSession {
        final List<RemoteMedia> connected = new ArrayList<>();
        final List<String> played = new ArrayList<>();
        final List<RecordLimits> recordings = new ArrayList<>();
        private final String callId;
        private final InetSocketAddress local;
        private CompletableFuture<Boolean> playing;
        private CompletableFuture<Recording> recording;
        private Consumer<Character> digits = digit -> { };
        boolean closed;
        MediaSession bridgedWith;

        Session(String callId, InetSocketAddress local) {
            this.callId = callId;
            this.local = local;
        }

        /** The clip playing now plays to its end. */
        void playEnds() {
            playing.complete(true);
        }

        /** The recording in progress ends by itself with these samples. */
        void recordingEnds(short[] samples, Recording.Ended ended) {
            recording.complete(new Recording(samples, ended));
        }

        boolean recording() {
            return recording != null && !recording.isDone();
        }

        @Override
        public String callId() {
            return callId;
        }

        @Override
        public InetSocketAddress localRtp() {
            return local;
        }

        @Override
        public void connect(RemoteMedia remote) {
            connected.add(remote);
        }

        @Override
        public CompletionStage<Boolean> play(AudioClip clip, int times) {
            stopPlaying();
            played.add(clip.id() + " x" + times);
            playing = new CompletableFuture<>();
            return playing;
        }

        @Override
        public void stopPlaying() {
            if (playing != null) {
                playing.complete(false);
            }
        }

        @Override
        public void onDigit(Consumer<Character> listener) {
            digits = listener;
        }

        /** The far end sends a digit as RFC 4733 events: the listener hears it once the event ends. */
        void press(char digit) {
            digits.accept(digit);
        }

        /** Whether a clip is playing now. */
        boolean playing() {
            return playing != null && !playing.isDone();
        }

        @Override
        public void sendDigit(char digit, Duration length) {
        }

        @Override
        public CompletionStage<Recording> record(RecordLimits limits) {
            recordings.add(limits);
            recording = new CompletableFuture<>();
            return recording;
        }

        @Override
        public void stopRecording() {
            if (recording != null) {
                recording.complete(new Recording(new short[8000 * 3], Recording.Ended.STOPPED));
            }
        }

        @Override
        public void bridge(MediaSession other) {
            bridgedWith = other;
        }

        @Override
        public void unbridge() {
            bridgedWith = null;
        }

        @Override
        public Executor executor() {
            return Runnable::run;
        }

        @Override
        public void close() {
            closed = true;
            stopPlaying();
            if (recording != null) {
                recording.complete(new Recording(new short[0], Recording.Ended.STOPPED));
            }
        }
    }
}
