package io.vpbx.media.session;

import static io.vpbx.media.session.MediaFixture.await;
import static io.vpbx.media.session.MediaFixture.settle;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpbx.media.AudioClip;
import io.vpbx.media.Codec;
import io.vpbx.media.MediaSession;
import io.vpbx.media.RemoteMedia;
import io.vpbx.media.RtpPeer;
import io.vpbx.media.tone.Tones;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** RFC 4733 digits both ways between a real session and a real UDP peer. */
class DigitsTest {

    private static final int EVENT_TYPE = 101;
    private static final int SSRC = 77;

    private final MediaFixture media = MediaFixture.start();
    private final RtpPeer peer = RtpPeer.open();

    @AfterEach
    void close() {
        peer.close();
        media.close();
    }

    @Test
    void eachDigitIsReportedOnceEvenWhenItsEndIsRetransmittedOrLost() {
        MediaSession session = media.open("digits");
        List<Character> heard = new CopyOnWriteArrayList<>();
        session.onDigit(heard::add);
        session.connect(new RemoteMedia(peer.address(), Codec.PCMU, EVENT_TYPE, true));
        settle(session); // the far end answers only after the SDP answer is in place

        List<byte[]> packets = new ArrayList<>();
        packets.addAll(RtpPeer.digit(EVENT_TYPE, 5, 1, 1000, SSRC, true));     // three end packets
        packets.addAll(RtpPeer.digit(EVENT_TYPE, 11, 7, 5000, SSRC, false));   // '#', every end packet lost
        packets.addAll(RtpPeer.digit(EVENT_TYPE, 1, 10, 9000, SSRC, true));
        packets.add(RtpPeer.packet(false, EVENT_TYPE, 16, 9000, SSRC, RtpPeer.event(1, true, 1600))); // one more end
        packets.addAll(RtpPeer.digit(EVENT_TYPE, 12, 17, 13000, SSRC, false)); // 'A', ends lost, nothing follows
        peer.sendAll(packets, session.localRtp());

        await(() -> heard.size() >= 4, "four digits");
        assertEquals(List.of('5', '#', '1', 'A'), heard);
        peer.sendAll(RtpPeer.digit(EVENT_TYPE, 1, 30, 9000, SSRC, true), session.localRtp()); // stale again
        peer.sendAll(RtpPeer.digit(EVENT_TYPE, 9, 40, 20000, SSRC, true), session.localRtp());
        await(() -> heard.size() >= 5, "the next digit");
        assertEquals(List.of('5', '#', '1', 'A', '9'), heard, "no repeats");
    }

    @Test
    void anEventThatIsNoDigitIsDroppedAndCounted() {
        MediaSession session = media.open("flash");
        List<Character> heard = new CopyOnWriteArrayList<>();
        session.onDigit(heard::add);
        session.connect(new RemoteMedia(peer.address(), Codec.PCMU, EVENT_TYPE, true));
        settle(session); // the far end answers only after the SDP answer is in place
        peer.sendRaw(RtpPeer.packet(true, EVENT_TYPE, 1, 0, SSRC, RtpPeer.event(16, true, 800)), session.localRtp());
        peer.sendRaw(RtpPeer.packet(true, EVENT_TYPE, 2, 800, SSRC, new byte[] {3}), session.localRtp());
        peer.sendAll(RtpPeer.digit(EVENT_TYPE, 3, 3, 1600, SSRC, true), session.localRtp());

        await(() -> heard.size() >= 1, "the digit after");
        assertEquals(List.of('3'), heard);
        assertEquals(2, media.dropped("unknown-event"));
    }

    @Test
    void sendDigitProducesRfc4733PacketsAndPausesTheVoice() {
        MediaSession session = media.open("send");
        session.connect(new RemoteMedia(peer.address(), Codec.PCMU, EVENT_TYPE, true));
        settle(session); // the far end answers only after the SDP answer is in place
        session.play(new AudioClip("tone", Tones.sine(1000, 2000)), 1);
        peer.receive(Duration.ofSeconds(2)).orElseThrow();
        session.sendDigit('7', Duration.ofMillis(100));
        List<RtpPeer.Packet> packets = peer.receiveUntilQuiet(Duration.ofMillis(400), Duration.ofSeconds(10));

        List<RtpPeer.Packet> events = packets.stream().filter(p -> p.payloadType() == EVENT_TYPE).toList();
        int firstEvent = packets.indexOf(events.getFirst());
        assertEquals(events, packets.subList(firstEvent, firstEvent + events.size()), "no voice in between");
        assertTrue(events.getFirst().marker(), "marker on the event's first packet");
        assertEquals(7, events.size(), "100 ms in 20 ms steps (160 to 800 samples), the last of them three times");
        int previous = 0;
        for (int i = 0; i < events.size(); i++) {
            RtpPeer.Packet event = events.get(i);
            assertEquals(7, event.event());
            assertEquals(events.getFirst().timestamp(), event.timestamp(), "one timestamp per event");
            assertEquals((events.getFirst().sequence() + i) & 0xFFFF, event.sequence());
            assertTrue(event.duration() >= previous, "duration grows");
            previous = event.duration();
            assertEquals(i >= events.size() - 3, event.end(), "end bit on the last three, packet " + i);
            if (i > 0) {
                assertFalse(event.marker());
            }
        }
        assertEquals(800, events.getLast().duration(), "100 ms");
        RtpPeer.Packet voiceAfter = packets.get(firstEvent + events.size());
        assertEquals(Codec.PCMU.payloadType(), voiceAfter.payloadType(), "the voice goes on");
        assertTrue(voiceAfter.marker(), "as a new talkspurt");
        assertEquals(2000, RtpPeer.decode(packets.stream().filter(p -> p.payloadType() == 0).toList(),
                Codec.PCMU).length / 8 + 20, 100, "and all of the clip is played");
    }
}
