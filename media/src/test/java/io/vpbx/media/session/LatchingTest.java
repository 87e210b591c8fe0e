package io.vpbx.media.session;

import static io.vpbx.media.session.MediaFixture.await;
import static io.vpbx.media.session.MediaFixture.settle;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpbx.media.AudioClip;
import io.vpbx.media.Codec;
import io.vpbx.media.MediaSession;
import io.vpbx.media.RecordLimits;
import io.vpbx.media.Recording;
import io.vpbx.media.RemoteMedia;
import io.vpbx.media.RtpPeer;
import io.vpbx.media.tone.Goertzel;
import io.vpbx.media.tone.Tones;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Symmetric RTP and hostile input, with real sockets. */
class LatchingTest {

    private static final Duration QUIET = Duration.ofMillis(400);

    private final MediaFixture media = MediaFixture.start();
    private final RtpPeer signalled = RtpPeer.open();
    private final RtpPeer caller = RtpPeer.open();
    private final RtpPeer stranger = RtpPeer.open();

    @AfterEach
    void close() {
        signalled.close();
        caller.close();
        stranger.close();
        media.close();
    }

    @Test
    void latchesToWhereTheCallersRtpComesFromAndSendsThere() {
        MediaSession session = media.open("nat");
        session.connect(new RemoteMedia(signalled.address(), Codec.PCMU, -1, true));
        settle(session); // the far end answers only after the SDP answer is in place
        caller.sendAll(RtpPeer.voice(Codec.PCMU, Tones.sine(440, 100), 1, 0, 9), session.localRtp());
        await(() -> media.count("vpbx.media.rtp.received") >= 5, "the caller's packets");

        session.play(new AudioClip("tone", Tones.sine(1000, 400)), 1);
        List<RtpPeer.Packet> heard = caller.receiveUntilQuiet(QUIET, Duration.ofSeconds(10));

        assertEquals(20, heard.size(), "the whole clip went to the latched source");
        assertTrue(signalled.receive(Duration.ofMillis(100)).isEmpty(), "nothing to the SDP address");
    }

    @Test
    void afterLatchingAThirdPartysPacketsAreDroppedAndCounted() throws Exception {
        MediaSession session = media.open("hijack");
        session.connect(new RemoteMedia(caller.address(), Codec.PCMU, -1, true));
        settle(session); // the far end answers only after the SDP answer is in place
        CompletionStage<Recording> recording = session.record(
                new RecordLimits(Duration.ofSeconds(60), Duration.ofSeconds(30), false));
        settle(session);
        caller.sendAll(RtpPeer.voice(Codec.PCMU, Tones.sine(440, 1000), 1, 0, 9), session.localRtp());
        await(() -> media.count("vpbx.media.rtp.received") >= 50, "the caller's packets");
        stranger.sendAll(RtpPeer.voice(Codec.PCMU, Tones.sine(1000, 1000), 51, 8000, 9), session.localRtp());
        await(() -> media.dropped("wrong-source") >= 50, "the stranger's packets dropped");
        session.stopRecording();
        Recording recorded = recording.toCompletableFuture().get(5, TimeUnit.SECONDS);

        assertEquals(1000, recorded.length().toMillis(), 100, "only the caller's second");
        assertTrue(Goertzel.share(recorded.samples(), 0, recorded.samples().length, 1000, 8000) < 0.01);
        session.play(new AudioClip("tone", Tones.sine(1000, 200)), 1);
        assertEquals(10, caller.receiveUntilQuiet(QUIET, Duration.ofSeconds(10)).size());
        assertTrue(stranger.receive(Duration.ofMillis(100)).isEmpty(), "nothing to the stranger");
    }

    @Test
    void garbageIsDroppedAndCountedAndTheSessionKeepsWorking() throws Exception {
        MediaSession session = media.open("garbage");
        session.connect(new RemoteMedia(caller.address(), Codec.PCMU, 101, true));
        settle(session); // the far end answers only after the SDP answer is in place
        CompletionStage<Recording> recording = session.record(
                new RecordLimits(Duration.ofSeconds(60), Duration.ofSeconds(30), false));
        settle(session);
        byte[] valid = RtpPeer.packet(false, 0, 1, 0, 9, new byte[160]);

        caller.sendRaw(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13}, session.localRtp()); // version 0
        caller.sendRaw(new byte[] {(byte) 0x80, 0, 0}, session.localRtp());                      // too short
        byte[] csrcs = valid.clone();
        csrcs[0] = (byte) 0x8F;                                                                   // 15 CSRCs
        caller.sendRaw(Arrays.copyOf(csrcs, 40), session.localRtp());
        byte[] padding = valid.clone();
        padding[0] = (byte) 0xA0;
        padding[padding.length - 1] = (byte) 200;                                                 // pads past the payload
        caller.sendRaw(padding, session.localRtp());
        byte[] oversized = Arrays.copyOf(valid, 1600);
        caller.sendRaw(oversized, session.localRtp());
        caller.sendRaw(new byte[9000], session.localRtp());
        caller.sendRaw(RtpPeer.packet(false, 18, 2, 160, 9, new byte[20]), session.localRtp());     // G.729: not agreed
        byte[] report = new byte[28];
        report[0] = (byte) 0x80;
        report[1] = (byte) 200;
        report[3] = 6;
        caller.sendRaw(report, session.localRtp());                                               // RTCP on the RTP port
        caller.sendRaw(new byte[] {(byte) 0x80, (byte) 200, 0, 60}, new InetSocketAddress(
                session.localRtp().getAddress(), session.localRtp().getPort() + 1));             // RTCP, bad length

        await(() -> media.dropped("not-rtp") >= 2 && media.dropped("malformed") >= 3
                && media.dropped("oversized") >= 2 && media.dropped("unknown-payload-type") >= 1
                && media.dropped("rtcp-malformed") >= 1, "every kind counted: " + media.registry.getMetersAsString());
        caller.sendAll(RtpPeer.voice(Codec.PCMU, Tones.sine(440, 1000), 1, 0, 9), session.localRtp());
        await(() -> media.count("vpbx.media.rtp.received") >= 50, "the voice after the garbage");
        session.stopRecording();

        Recording recorded = recording.toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertEquals(1000, recorded.length().toMillis(), 100);
        assertTrue(Goertzel.share(recorded.samples(), 0, recorded.samples().length, 440, 8000) > 0.8);
        assertEquals(0, media.count("vpbx.media.rtp.received") - 50, "no garbage was taken for RTP");
    }

    @Test
    void packetsBeforeConnectAreDropped() {
        MediaSession session = media.open("early");
        caller.sendAll(RtpPeer.voice(Codec.PCMU, Tones.sine(440, 100), 1, 0, 9), session.localRtp());
        await(() -> media.dropped("not-connected") >= 5, "dropped before the SDP answer");
        assertEquals(0, media.count("vpbx.media.rtp.received"));
    }
}
