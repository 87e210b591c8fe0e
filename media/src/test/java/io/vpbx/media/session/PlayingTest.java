package io.vpbx.media.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpbx.media.AudioClip;
import io.vpbx.media.Codec;
import io.vpbx.media.MediaSession;
import io.vpbx.media.RemoteMedia;
import io.vpbx.media.RtpPeer;
import io.vpbx.media.tone.Goertzel;
import io.vpbx.media.tone.Tones;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What a caller hears: clips played by a real session arrive at a real UDP peer as correct RTP. */
class PlayingTest {

    private static final Duration QUIET = Duration.ofMillis(400);
    private static final Duration AT_MOST = Duration.ofSeconds(15);

    private final MediaFixture media = MediaFixture.start();
    private final RtpPeer peer = RtpPeer.open();

    @AfterEach
    void close() {
        peer.close();
        media.close();
    }

    @ParameterizedTest
    @EnumSource(Codec.class)
    void aPlayedToneArrivesAsThatToneForItsLengthInWellFormedRtp(Codec codec) throws Exception {
        MediaSession session = media.open("call-1");
        session.connect(new RemoteMedia(peer.address(), codec, -1, true));
        AudioClip clip = new AudioClip("tone", Tones.sine(1000, 1000));

        CompletionStage<Boolean> played = session.play(clip, 1);
        List<RtpPeer.Packet> packets = peer.receiveUntilQuiet(QUIET, AT_MOST);

        assertTrue(played.toCompletableFuture().get(5, TimeUnit.SECONDS), "completes true at the end");
        short[] heard = RtpPeer.decode(packets, codec);
        assertEquals(1000, heard.length / 8, 100, "milliseconds heard");
        assertTrue(Goertzel.share(heard, 0, heard.length, 1000, 8000) > 0.8, "heard 1 kHz");
        assertTrue(Goertzel.share(heard, 0, heard.length, 440, 8000) < 0.01, "not 440 Hz");
        assertWellFormedTalkspurt(packets, codec);
        assertEquals(session.localRtp().getPort(), packets.getFirst().from().getPort(), "sent from the SDP port");
    }

    @Test
    void everyTickOfThePlayingLoopIsMeasured() throws Exception {
        MediaSession session = media.open("call-ticks");
        session.connect(new RemoteMedia(peer.address(), Codec.PCMU, -1, true));

        session.play(new AudioClip("tone", Tones.sine(1000, 400)), 1).toCompletableFuture().get(10, TimeUnit.SECONDS);

        long ticks = media.registry.find("vpbx.media.ticker.lateness").timers().stream()
                .mapToLong(io.micrometer.core.instrument.Timer::count).sum();
        long walks = media.registry.find("vpbx.media.ticker.work").timers().stream()
                .mapToLong(io.micrometer.core.instrument.Timer::count).sum();
        assertTrue(ticks >= 20, "at least one tick per 20 ms packet: " + ticks);
        assertEquals(ticks, walks, "each tick's lateness and work");
    }

    @Test
    void timesThreePlaysTheClipThreeTimesAsOneTalkspurt() throws Exception {
        MediaSession session = media.open("call-3");
        session.connect(new RemoteMedia(peer.address(), Codec.PCMU, -1, true));
        AudioClip clip = new AudioClip("tone", Tones.sine(1000, 300));

        CompletionStage<Boolean> played = session.play(clip, 3);
        List<RtpPeer.Packet> packets = peer.receiveUntilQuiet(QUIET, AT_MOST);

        assertTrue(played.toCompletableFuture().get(5, TimeUnit.SECONDS));
        assertEquals(3 * 15, packets.size(), "three times 300 ms in 20 ms packets");
        short[] heard = RtpPeer.decode(packets, Codec.PCMU);
        for (int round = 0; round < 3; round++) {
            assertTrue(Goertzel.share(heard, round * 2400, 2400, 1000, 8000) > 0.8, "round " + round + " is 1 kHz");
        }
        assertWellFormedTalkspurt(packets, Codec.PCMU);
    }

    @Test
    void aSecondPlayAfterSilenceStartsATalkspurtAndTheTimestampKeepsTheClock() throws Exception {
        MediaSession session = media.open("call-4");
        session.connect(new RemoteMedia(peer.address(), Codec.PCMA, -1, true));
        AudioClip beep = Tones.beep();

        session.play(beep, 1).toCompletableFuture().get(5, TimeUnit.SECONDS);
        List<RtpPeer.Packet> first = peer.receiveUntilQuiet(QUIET, AT_MOST);
        session.play(beep, 1).toCompletableFuture().get(5, TimeUnit.SECONDS);
        List<RtpPeer.Packet> second = peer.receiveUntilQuiet(QUIET, AT_MOST);

        RtpPeer.Packet lastOfFirst = first.getLast();
        RtpPeer.Packet firstOfSecond = second.getFirst();
        assertTrue(firstOfSecond.marker(), "marker after silence");
        assertEquals(lastOfFirst.ssrc(), firstOfSecond.ssrc(), "one SSRC per session");
        assertEquals((lastOfFirst.sequence() + 1) & 0xFFFF, firstOfSecond.sequence(), "sequence continues");
        int advance = firstOfSecond.timestamp() - lastOfFirst.timestamp();
        assertTrue(advance >= 160 * 20, "timestamp advanced by the silence (400 ms quiet at least): " + advance);
        assertEquals(0, advance % 160, "on the 20 ms grid");
    }

    @Test
    void stoppingEndsThePlayFalseAndReplacingStopsTheFirst() throws Exception {
        MediaSession session = media.open("call-5");
        session.connect(new RemoteMedia(peer.address(), Codec.PCMU, -1, true));
        AudioClip longClip = new AudioClip("long", Tones.sine(1000, 10_000));

        CompletionStage<Boolean> first = session.play(longClip, 1);
        peer.receive(Duration.ofSeconds(2)).orElseThrow();
        CompletionStage<Boolean> second = session.play(longClip, 1);
        assertFalse(first.toCompletableFuture().get(5, TimeUnit.SECONDS), "replaced");
        session.stopPlaying();
        assertFalse(second.toCompletableFuture().get(5, TimeUnit.SECONDS), "stopped");
        peer.receiveUntilQuiet(QUIET, AT_MOST);
        assertTrue(peer.receive(QUIET).isEmpty(), "no packets after stop");

        CompletionStage<Boolean> third = session.play(longClip, 1);
        session.close();
        assertFalse(third.toCompletableFuture().get(5, TimeUnit.SECONDS), "closed");
    }

    @Test
    void holdPausesThePlayWhichResumesWhereItWasAndPlaysToTheEnd() throws Exception {
        MediaSession session = media.open("call-6");
        session.connect(new RemoteMedia(peer.address(), Codec.PCMU, -1, false));
        CompletionStage<Boolean> played = session.play(new AudioClip("tone", Tones.sine(1000, 600)), 1);

        assertTrue(peer.receive(QUIET).isEmpty(), "nothing sent while held");
        assertFalse(played.toCompletableFuture().isDone(), "the play waits");
        session.connect(new RemoteMedia(peer.address(), Codec.PCMU, -1, true));
        List<RtpPeer.Packet> packets = peer.receiveUntilQuiet(QUIET, AT_MOST);

        assertTrue(played.toCompletableFuture().get(5, TimeUnit.SECONDS));
        assertEquals(30, packets.size(), "the whole 600 ms after resuming");
        assertWellFormedTalkspurt(packets, Codec.PCMU);
    }

    @Test
    void theBuiltInGreetingIsItsThreeTonesTwice() throws Exception {
        MediaSession session = media.open("call-7");
        session.connect(new RemoteMedia(peer.address(), Codec.PCMU, -1, true));
        session.play(Tones.greeting(), 1);
        short[] heard = RtpPeer.decode(peer.receiveUntilQuiet(QUIET, AT_MOST), Codec.PCMU);

        assertEquals(2050, heard.length / 8, 100);
        int[] startsMillis = {0, 300, 600, 1200, 1500, 1800};
        for (int i = 0; i < startsMillis.length; i++) {
            double hz = Tones.GREETING_HZ[i % 3];
            assertTrue(Goertzel.share(heard, startsMillis[i] * 8 + 200, 1600, hz, 8000) > 0.8, "tone " + i);
        }
    }

    @Test
    void senderReportsGoEveryFiveSecondsToWhereTheFarEndsRtcpComesFrom() throws Exception {
        try (RtpPeer rtcp = RtpPeer.open()) {
            MediaSession session = media.open("call-8");
            session.connect(new RemoteMedia(peer.address(), Codec.PCMU, -1, true));
            InetSocketAddress localRtcp = new InetSocketAddress(session.localRtp().getAddress(),
                    session.localRtp().getPort() + 1);
            rtcp.sendRaw(new byte[] {(byte) 0x80, (byte) 201, 0, 1, 0, 0, 0, 9}, localRtcp); // an empty RR
            MediaFixture.await(() -> media.count("vpbx.media.rtcp.received") == 1, "the RR counted");

            session.play(new AudioClip("long", Tones.sine(1000, 7000)), 1);
            RtpPeer.Packet firstRtp = peer.receive(Duration.ofSeconds(2)).orElseThrow();
            byte[] report = rtcp.receiveRaw(Duration.ofSeconds(8)).orElseThrow();
            session.stopPlaying();

            ByteBuffer sr = ByteBuffer.wrap(report);
            assertEquals(0x80, sr.get(0) & 0xFF);
            assertEquals(200, sr.get(1) & 0xFF, "a sender report");
            assertEquals(firstRtp.ssrc(), sr.getInt(4));
            long ntpSeconds = sr.getInt(8) & 0xFFFFFFFFL;
            assertEquals(media.clock.instant().getEpochSecond() + 2_208_988_800L, ntpSeconds, "NTP time of the server clock");
            int rtpTimestamp = sr.getInt(16);
            int packets = sr.getInt(20);
            assertEquals(packets * 160L, sr.getInt(24) & 0xFFFFFFFFL, "octets: 160 per packet");
            assertTrue(packets >= 240 && packets <= 260, "about five seconds of packets: " + packets);
            int sinceFirst = rtpTimestamp - firstRtp.timestamp();
            assertEquals(packets * 160, sinceFirst, 1600, "RTP timestamp on the sending timeline");
            assertEquals(202, report[29] & 0xFF, "SDES follows");
        }
    }

    static void assertWellFormedTalkspurt(List<RtpPeer.Packet> packets, Codec codec) {
        RtpPeer.Packet first = packets.getFirst();
        assertTrue(first.marker(), "marker on the first packet");
        for (int i = 0; i < packets.size(); i++) {
            RtpPeer.Packet packet = packets.get(i);
            assertEquals(2, packet.version());
            assertEquals(codec.payloadType(), packet.payloadType());
            assertEquals(160, packet.payload().length);
            assertEquals(first.ssrc(), packet.ssrc(), "SSRC constant");
            assertEquals((first.sequence() + i) & 0xFFFF, packet.sequence(), "sequence +1");
            assertEquals(first.timestamp() + 160 * i, packet.timestamp(), "timestamp +160");
            if (i > 0) {
                assertFalse(packet.marker(), "no marker inside the talkspurt, packet " + i);
            }
        }
    }
}
