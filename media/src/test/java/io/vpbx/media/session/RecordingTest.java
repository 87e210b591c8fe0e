package io.vpbx.media.session;

import static io.vpbx.media.session.MediaFixture.await;
import static io.vpbx.media.session.MediaFixture.settle;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpbx.media.Codec;
import io.vpbx.media.MediaSession;
import io.vpbx.media.RecordLimits;
import io.vpbx.media.Recording;
import io.vpbx.media.RemoteMedia;
import io.vpbx.media.RtpPeer;
import io.vpbx.media.tone.Goertzel;
import io.vpbx.media.tone.Tones;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What a recording holds: the caller's audio sent by a real UDP peer, placed by timestamp, ended by each limit. */
class RecordingTest {

    private static final int EVENT_TYPE = 101;
    private static final int SSRC = 0x1234_5678;
    private static final RecordLimits LONG = new RecordLimits(Duration.ofSeconds(60), Duration.ofSeconds(30), true);

    private final MediaFixture media = MediaFixture.start();
    private final RtpPeer peer = RtpPeer.open();

    @AfterEach
    void close() {
        peer.close();
        media.close();
    }

    private MediaSession connected(Codec codec) {
        MediaSession session = media.open("rec");
        session.connect(new RemoteMedia(peer.address(), codec, EVENT_TYPE, true));
        settle(session); // the far end answers only after the SDP answer is in place
        return session;
    }

    private CompletionStage<Recording> recording(MediaSession session, RecordLimits limits) {
        CompletionStage<Recording> recording = session.record(limits);
        settle(session);
        return recording;
    }

    private void awaitReceived(double packets) {
        await(() -> media.count("vpbx.media.rtp.received") >= packets, packets + " packets received");
    }

    @ParameterizedTest
    @EnumSource(Codec.class)
    void twoSecondsOf440HzAreRecordedAsTwoSecondsOf440Hz(Codec codec) throws Exception {
        MediaSession session = connected(codec);
        CompletionStage<Recording> recording = recording(session, LONG);

        peer.sendAll(RtpPeer.voice(codec, Tones.sine(440, 2000), 100, 5000, SSRC), session.localRtp());
        awaitReceived(100);
        session.stopRecording();
        Recording recorded = recording.toCompletableFuture().get(5, TimeUnit.SECONDS);

        assertEquals(Recording.Ended.STOPPED, recorded.ended());
        assertEquals(2000, recorded.length().toMillis(), 100);
        assertTrue(Goertzel.share(recorded.samples(), 0, recorded.samples().length, 440, 8000) > 0.8, "440 Hz");
    }

    @Test
    void reorderedPacketsLandInPlaceAndALostOneLeavesSilence() throws Exception {
        MediaSession session = connected(Codec.PCMU);
        CompletionStage<Recording> recording = recording(session, LONG);
        List<byte[]> packets = new ArrayList<>(RtpPeer.voice(Codec.PCMU, Tones.sine(440, 2000), 65530, -800, SSRC));
        Collections.swap(packets, 10, 11);
        Collections.swap(packets, 30, 32);
        Collections.swap(packets, 70, 73);
        byte[] lost = packets.remove(50);

        peer.sendAll(packets, session.localRtp());
        awaitReceived(99);
        peer.sendRaw(lost, session.localRtp()); // far too late now: its place is already written
        awaitReceived(100);
        session.stopRecording();
        Recording recorded = recording.toCompletableFuture().get(5, TimeUnit.SECONDS);

        assertEquals(2000, recorded.length().toMillis(), 100);
        short[] samples = recorded.samples();
        assertTrue(Goertzel.share(samples, 0, samples.length, 440, 8000) > 0.8, "440 Hz");
        for (int frame : new int[] {10, 11, 30, 32, 70, 73}) {
            assertTrue(Goertzel.share(samples, frame * 160, 160, 440, 8000) > 0.5, "frame " + frame + " in place");
        }
        for (int i = 50 * 160; i < 51 * 160; i++) {
            assertEquals(0, samples[i], "the lost frame is silence");
        }
        assertEquals(1, media.count("vpbx.media.rtp.late"), "the straggler counted late");
        session.close();
        await(() -> media.server.activeSessions() == 0, "the session closed");
        assertEquals(0, media.count("vpbx.media.rtp.lost"), "the straggler made up for its gap");
    }

    @Test
    void aLostPacketIsCountedWhenTheSessionCloses() {
        MediaSession session = connected(Codec.PCMU);
        List<byte[]> packets = new ArrayList<>(RtpPeer.voice(Codec.PCMU, Tones.sine(440, 400), 7, 0, SSRC));
        packets.remove(5);
        packets.remove(9);
        peer.sendAll(packets, session.localRtp());
        awaitReceived(18);
        session.close();
        await(() -> media.count("vpbx.media.rtp.lost") == 2, "two lost counted");
    }

    @Test
    void hashEndsTheRecordingWithoutTheDigit() throws Exception {
        MediaSession session = connected(Codec.PCMU);
        CompletionStage<Recording> recording = recording(session, LONG);
        List<byte[]> packets = new ArrayList<>(RtpPeer.voice(Codec.PCMU, Tones.sine(440, 1500), 1, 0, SSRC));
        packets.addAll(RtpPeer.digit(EVENT_TYPE, 11, 76, 1500 * 8, SSRC, true));
        // a phone that also sends the tone in band while the event runs: none of it may be kept
        packets.addAll(RtpPeer.voice(Codec.PCMU, Tones.sine(941, 200), 82, 1500 * 8, SSRC));

        peer.sendAll(packets, session.localRtp());
        Recording recorded = recording.toCompletableFuture().get(5, TimeUnit.SECONDS);

        assertEquals(Recording.Ended.HASH, recorded.ended());
        assertEquals(1500, recorded.length().toMillis(), 100);
        assertTrue(Goertzel.share(recorded.samples(), 0, recorded.samples().length, 941, 8000) < 0.01,
                "nothing of the digit's tone");
    }

    @Test
    void silenceEndsTheRecording() throws Exception {
        MediaSession session = connected(Codec.PCMA);
        CompletionStage<Recording> recording = recording(session,
                new RecordLimits(Duration.ofSeconds(60), Duration.ofSeconds(2), true));
        List<byte[]> packets = new ArrayList<>(RtpPeer.voice(Codec.PCMA, Tones.sine(440, 1000), 1, 0, SSRC));
        packets.addAll(RtpPeer.voice(Codec.PCMA, new short[8000 * 3], 51, 8000, SSRC));

        peer.sendAll(packets, session.localRtp());
        Recording recorded = recording.toCompletableFuture().get(5, TimeUnit.SECONDS);

        assertEquals(Recording.Ended.SILENCE, recorded.ended());
        assertEquals(3000, recorded.length().toMillis(), 100, "the voice and then the 2 s of silence");
        assertTrue(Goertzel.share(recorded.samples(), 0, 8000, 440, 8000) > 0.8, "the voice is there");
    }

    @Test
    void noPacketsAtAllIsSilenceToo() throws Exception {
        MediaSession session = connected(Codec.PCMU);
        Recording recorded = recording(session, new RecordLimits(Duration.ofSeconds(60), Duration.ofMillis(300), true))
                .toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertEquals(Recording.Ended.SILENCE, recorded.ended());
        assertEquals(0, recorded.samples().length);
    }

    @Test
    void maxLengthEndsTheRecording() throws Exception {
        MediaSession session = connected(Codec.PCMU);
        CompletionStage<Recording> recording = recording(session,
                new RecordLimits(Duration.ofSeconds(1), Duration.ofSeconds(30), true));

        peer.sendAll(RtpPeer.voice(Codec.PCMU, Tones.sine(440, 2000), 1, 0, SSRC), session.localRtp());
        Recording recorded = recording.toCompletableFuture().get(5, TimeUnit.SECONDS);

        assertEquals(Recording.Ended.MAX_LENGTH, recorded.ended());
        assertEquals(1000, recorded.length().toMillis(), 100);
        assertTrue(Goertzel.share(recorded.samples(), 0, recorded.samples().length, 440, 8000) > 0.8);
    }

    @Test
    void audioBeforeRecordIsNotKeptAndCloseEndsTheRecordingStopped() throws Exception {
        MediaSession session = connected(Codec.PCMU);
        peer.sendAll(RtpPeer.voice(Codec.PCMU, Tones.sine(1000, 1000), 1, 0, SSRC), session.localRtp());
        awaitReceived(50);
        CompletionStage<Recording> recording = recording(session, LONG);
        peer.sendAll(RtpPeer.voice(Codec.PCMU, Tones.sine(440, 500), 51, 8000, SSRC), session.localRtp());
        awaitReceived(75);
        session.close();
        Recording recorded = recording.toCompletableFuture().get(5, TimeUnit.SECONDS);

        assertEquals(Recording.Ended.STOPPED, recorded.ended());
        assertEquals(500, recorded.length().toMillis(), 100);
        assertTrue(Goertzel.share(recorded.samples(), 0, recorded.samples().length, 1000, 8000) < 0.01);
    }
}
