package io.vpbx.media.session;

import static io.vpbx.media.session.MediaFixture.await;
import static io.vpbx.media.session.MediaFixture.settle;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpbx.media.AudioClip;
import io.vpbx.media.Codec;
import io.vpbx.media.MediaSession;
import io.vpbx.media.RemoteMedia;
import io.vpbx.media.RtpPeer;
import io.vpbx.media.tone.Goertzel;
import io.vpbx.media.tone.Tones;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two far ends talking through vpbx: two real sessions (on two event loops) bridged, a real UDP peer on each side.
 * What one peer sends, the other hears, with vpbx's numbering, and transcoded when the legs' codecs differ.
 */
class BridgeTest {

    private static final Duration QUIET = Duration.ofMillis(400);
    private static final Duration AT_MOST = Duration.ofSeconds(10);
    private static final int SSRC_A = 0x0A0A0A0A;
    private static final int SSRC_B = 0x0B0B0B0B;

    private final MediaFixture media = MediaFixture.start();
    private final RtpPeer peerA = RtpPeer.open();
    private final RtpPeer peerB = RtpPeer.open();

    @AfterEach
    void close() {
        peerA.close();
        peerB.close();
        media.close();
    }

    @Test
    void eachSideHearsTheOtherOnTheSameCodecWithItsLegsOwnNumbering() {
        MediaSession a = media.open("caller");
        MediaSession b = media.open("callee");
        assertNotEquals(a.executor(), b.executor(), "the two legs live on different loops");
        a.connect(new RemoteMedia(peerA.address(), Codec.PCMU, -1, true));
        b.connect(new RemoteMedia(peerB.address(), Codec.PCMU, -1, true));
        a.bridge(b);
        settle(a);
        settle(b);

        peerA.sendAll(RtpPeer.voice(Codec.PCMU, Tones.sine(1000, 600), 100, 5000, SSRC_A), a.localRtp());
        List<RtpPeer.Packet> atB = heard(peerB);
        peerB.sendAll(RtpPeer.voice(Codec.PCMU, Tones.sine(440, 600), 900, 77000, SSRC_B), b.localRtp());
        List<RtpPeer.Packet> atA = heard(peerA);

        assertHeardTone(atB, Codec.PCMU, 1000, 600);
        assertHeardTone(atA, Codec.PCMU, 440, 600);
        assertOwnNumbering(atB, SSRC_A, 100, 5000);
        assertOwnNumbering(atA, SSRC_B, 900, 77000);
        assertEquals(b.localRtp().getPort(), atB.getFirst().from().getPort(), "B hears it from B's leg");
        assertEquals(a.localRtp().getPort(), atA.getFirst().from().getPort(), "A hears it from A's leg");
        assertNotEquals(atA.getFirst().ssrc(), atB.getFirst().ssrc(), "each leg has its own SSRC");
    }

    @Test
    void rtcpFromOneSideReachesTheOtherWithItsSsrcsTranslated() {
        MediaSession a = media.open("caller");
        MediaSession b = media.open("callee");
        a.connect(new RemoteMedia(peerA.address(), Codec.PCMU, -1, true));
        b.connect(new RemoteMedia(peerB.address(), Codec.PCMU, -1, true));
        a.bridge(b);
        settle(a);
        settle(b);
        peerA.sendAll(RtpPeer.voice(Codec.PCMU, Tones.sine(1000, 200), 100, 5000, SSRC_A), a.localRtp());
        int vpbxToB = heard(peerB).getFirst().ssrc();
        peerB.sendAll(RtpPeer.voice(Codec.PCMU, Tones.sine(440, 200), 900, 77000, SSRC_B), b.localRtp());
        int vpbxToA = heard(peerA).getFirst().ssrc();

        try (RtpPeer rtcpA = RtpPeer.open(); RtpPeer rtcpB = RtpPeer.open()) {
            // B's own report first: b learns where B's RTCP comes from (and relays it toward A)
            rtcpB.sendRaw(receiverReport(SSRC_B, vpbxToB), rtcpPort(b));
            rtcpA.sendRaw(receiverReport(SSRC_A, vpbxToA), rtcpPort(a));

            java.nio.ByteBuffer atB = java.nio.ByteBuffer.wrap(rtcpB.receiveRaw(AT_MOST).orElseThrow(
                    () -> new AssertionError("A's report never reached B")));
            assertEquals(201, atB.get(1) & 0xff);
            assertEquals(vpbxToB, atB.getInt(4), "the sender is the source B hears A from");
            assertEquals(SSRC_B, atB.getInt(8), "the block reports on B's own stream");
            assertEquals(0x05000010, atB.getInt(12), "A's loss figures pass");
        }
    }

    /** An RR from {@code ssrc} with one report block on {@code about}: 5 % lost, 16 packets in all. */
    private static byte[] receiverReport(int ssrc, int about) {
        return java.nio.ByteBuffer.allocate(32).put((byte) 0x81).put((byte) 201).putShort((short) 7).putInt(ssrc)
                .putInt(about).putInt(0x05000010).putInt(1234).putInt(40).putInt(0).putInt(0).array();
    }

    private static java.net.InetSocketAddress rtcpPort(MediaSession session) {
        return new java.net.InetSocketAddress(session.localRtp().getAddress(), session.localRtp().getPort() + 1);
    }

    @Test
    void pcmuOnOneLegAndPcmaOnTheOtherAreTranscodedBothWays() {
        MediaSession a = media.open("caller");
        MediaSession b = media.open("callee");
        a.connect(new RemoteMedia(peerA.address(), Codec.PCMU, -1, true));
        b.connect(new RemoteMedia(peerB.address(), Codec.PCMA, -1, true));
        b.bridge(a);
        settle(a);
        settle(b);

        peerA.sendAll(RtpPeer.voice(Codec.PCMU, Tones.sine(1000, 600), 1, 0, SSRC_A), a.localRtp());
        List<RtpPeer.Packet> atB = heard(peerB);
        peerB.sendAll(RtpPeer.voice(Codec.PCMA, Tones.sine(660, 600), 1, 0, SSRC_B), b.localRtp());
        List<RtpPeer.Packet> atA = heard(peerA);

        assertTrue(atB.stream().allMatch(p -> p.payloadType() == Codec.PCMA.payloadType()), "B gets PCMA");
        assertTrue(atA.stream().allMatch(p -> p.payloadType() == Codec.PCMU.payloadType()), "A gets PCMU");
        assertHeardTone(atB, Codec.PCMA, 1000, 600);
        assertHeardTone(atA, Codec.PCMU, 660, 600);
    }

    @Test
    void digitsPassWithTheOtherLegsTelephoneEventTypeAndStillReachTheScript() {
        MediaSession a = media.open("caller");
        MediaSession b = media.open("callee");
        List<Character> heardAtA = new java.util.concurrent.CopyOnWriteArrayList<>();
        a.onDigit(heardAtA::add);
        a.connect(new RemoteMedia(peerA.address(), Codec.PCMU, 101, true));
        b.connect(new RemoteMedia(peerB.address(), Codec.PCMU, 96, true));
        a.bridge(b);
        settle(a);
        settle(b);

        peerA.sendAll(RtpPeer.digit(101, 7, 10, 3200, SSRC_A, true), a.localRtp());
        List<RtpPeer.Packet> atB = heard(peerB);

        assertEquals(6, atB.size(), "three updates and three ends");
        assertTrue(atB.stream().allMatch(p -> p.payloadType() == 96), "B's telephone-event type");
        assertTrue(atB.stream().allMatch(p -> p.event() == 7), "digit 7");
        assertTrue(atB.getFirst().marker(), "the event starts with the marker");
        assertTrue(atB.getLast().end(), "and ends with the end bit");
        assertEquals(1, atB.stream().mapToInt(RtpPeer.Packet::timestamp).distinct().count(),
                "one event, one timestamp");
        await(() -> heardAtA.size() == 1, "the script still hears the digit");
        assertEquals(List.of('7'), heardAtA);
    }

    @Test
    void aDigitIsNotSentToALegWithoutTelephoneEvent() {
        MediaSession a = media.open("caller");
        MediaSession b = media.open("callee");
        a.connect(new RemoteMedia(peerA.address(), Codec.PCMU, 101, true));
        b.connect(new RemoteMedia(peerB.address(), Codec.PCMU, -1, true));
        a.bridge(b);
        settle(a);
        settle(b);

        peerA.sendAll(RtpPeer.digit(101, 7, 10, 3200, SSRC_A, true), a.localRtp());

        assertTrue(peerB.receiveUntilQuiet(QUIET, AT_MOST).isEmpty(), "nothing B could not read");
        await(() -> media.dropped("bridge-unsendable") == 6, "six events dropped and counted");
    }

    @Test
    void unbridgeStopsTheRelayAndALegCanPlayAgain() throws Exception {
        MediaSession a = media.open("caller");
        MediaSession b = media.open("callee");
        a.connect(new RemoteMedia(peerA.address(), Codec.PCMU, -1, true));
        b.connect(new RemoteMedia(peerB.address(), Codec.PCMU, -1, true));
        a.bridge(b);
        settle(a);
        settle(b);
        peerA.sendAll(RtpPeer.voice(Codec.PCMU, Tones.sine(1000, 200), 1, 0, SSRC_A), a.localRtp());
        assertEquals(10, heard(peerB).size(), "bridged: heard");

        b.unbridge();
        settle(b);
        settle(a);
        peerA.sendAll(RtpPeer.voice(Codec.PCMU, Tones.sine(1000, 200), 11, 1600, SSRC_A), a.localRtp());
        assertTrue(peerB.receiveUntilQuiet(QUIET, Duration.ofSeconds(2)).isEmpty(), "unbridged: silence");

        CompletionStage<Boolean> played = b.play(new AudioClip("beep", Tones.sine(880, 200)), 1);
        List<RtpPeer.Packet> beep = heard(peerB);
        assertTrue(played.toCompletableFuture().get(5, TimeUnit.SECONDS));
        assertHeardTone(beep, Codec.PCMU, 880, 200);
    }

    @Test
    void closingOneSideEndsTheBridgeForTheOther() {
        MediaSession a = media.open("caller");
        MediaSession b = media.open("callee");
        a.connect(new RemoteMedia(peerA.address(), Codec.PCMU, -1, true));
        b.connect(new RemoteMedia(peerB.address(), Codec.PCMU, -1, true));
        a.bridge(b);
        settle(a);
        settle(b);

        a.close();
        settle(a);
        settle(b);
        double sentBefore = media.count("vpbx.media.rtp.sent");
        peerB.sendAll(RtpPeer.voice(Codec.PCMU, Tones.sine(1000, 200), 1, 0, SSRC_B), b.localRtp());
        await(() -> media.count("vpbx.media.rtp.received") >= 10, "B received the voice");
        settle(a);
        settle(b);

        assertEquals(sentBefore, media.count("vpbx.media.rtp.sent"), "nothing relayed after A closed");
        assertEquals(0, media.dropped("bridge-unsendable"), "B no longer hands anything to A");
        assertFalse(peerA.receive(Duration.ofMillis(300)).isPresent(), "A's far end hears nothing");
    }

    /** What the peer hears: the first packet may take a while on a cold JVM, the rest until quiet. */
    private static List<RtpPeer.Packet> heard(RtpPeer peer) {
        List<RtpPeer.Packet> packets = new java.util.ArrayList<>();
        peer.receive(Duration.ofSeconds(5)).ifPresent(packets::add);
        packets.addAll(peer.receiveUntilQuiet(QUIET, AT_MOST));
        return packets;
    }

    private static void assertHeardTone(List<RtpPeer.Packet> packets, Codec codec, double hz, int millis) {
        short[] heard = RtpPeer.decode(packets, codec);
        assertEquals(millis, heard.length / 8, 20, "milliseconds heard");
        assertTrue(Goertzel.share(heard, 0, heard.length, hz, 8000) > 0.8, "heard " + hz + " Hz");
    }

    /** The source's SSRC, sequence and timestamps never leak: the leg's own, consecutive, 160 apart. */
    private static void assertOwnNumbering(List<RtpPeer.Packet> packets, int sourceSsrc, int sourceSequence,
            int sourceTimestamp) {
        RtpPeer.Packet first = packets.getFirst();
        assertNotEquals(sourceSsrc, first.ssrc(), "not the far end's SSRC");
        assertTrue(first.marker(), "a talkspurt starts with the marker");
        for (int i = 0; i < packets.size(); i++) {
            RtpPeer.Packet packet = packets.get(i);
            assertEquals(first.ssrc(), packet.ssrc());
            assertEquals((first.sequence() + i) & 0xFFFF, packet.sequence(), "consecutive sequence");
            assertEquals(first.timestamp() + 160 * i, packet.timestamp(), "timestamps keep the source's spacing");
        }
        assertFalse(packets.stream().anyMatch(p -> p.sequence() == sourceSequence && p.timestamp() == sourceTimestamp),
                "the far end's numbering is not passed through");
    }
}
