package io.vpbx.media.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import io.vpbx.media.AudioClip;
import io.vpbx.media.Codec;
import io.vpbx.media.MutableClock;
import io.vpbx.media.RemoteMedia;
import io.vpbx.media.rtp.MediaMetrics;
import io.vpbx.media.rtp.TickerMetrics;
import io.vpbx.media.rtp.RtpPacket;
import io.vpbx.media.tone.Tones;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Pacing by slot numbers, without a clock: what each tick sends when ticks come on time, late, or very late. */
class OutgoingMediaTest {

    private static final InetSocketAddress FAR_END = new InetSocketAddress("127.0.0.1", 40000);
    private static final RemoteMedia SENDING = new RemoteMedia(FAR_END, Codec.PCMU, 101, true);
    private static final RemoteMedia HELD = new RemoteMedia(FAR_END, Codec.PCMU, 101, false);

    private final EmbeddedChannel rtp = new EmbeddedChannel();
    private final EmbeddedChannel rtcp = new EmbeddedChannel();
    private final EncodedClips clips = new EncodedClips();
    private final OutgoingMedia outgoing = new OutgoingMedia(rtp, rtcp, new PacingTicker(rtp.eventLoop(),
            new TickerMetrics(new SimpleMeterRegistry(), "0")),
            new MediaMetrics(new SimpleMeterRegistry()), clips, new MutableClock(), "test");
    private final CompletableFuture<Boolean> done = new CompletableFuture<>();

    private void play(int millis) {
        AudioClip clip = new AudioClip("tone", Tones.sine(1000, millis));
        outgoing.play(new Playback(clip, Codec.PCMU, clips.encoded(clip, Codec.PCMU), 1, done));
    }

    private List<RtpPacket> tick(long slot, RemoteMedia remote) {
        outgoing.tick(slot, slot * PacingTicker.TICK_NANOS, remote, FAR_END, null);
        List<RtpPacket> sent = new ArrayList<>();
        for (DatagramPacket packet; (packet = rtp.readOutbound()) != null; ) {
            assertEquals(FAR_END, packet.recipient());
            sent.add(RtpPacket.read(packet.content()).packet());
            packet.release();
        }
        return sent;
    }

    @Test
    void oneFramePerSlotOnTimeAndALateTickCatchesUpAtMostThreeAtOnce() {
        play(1000);
        RtpPacket first = tick(100, SENDING).getFirst();
        assertTrue(first.marker());
        assertEquals(1, tick(101, SENDING).size());
        List<RtpPacket> late = tick(105, SENDING);
        assertEquals(3, late.size(), "slots 102-104 now, never more than three");
        assertEquals(2, tick(106, SENDING).size(), "105 and 106: back on the timeline");
        assertEquals(first.timestamp() + 7 * 160, tick(107, SENDING).getFirst().timestamp());
        List<RtpPacket> stalled = tick(130, SENDING);
        assertEquals(3, stalled.size(), "far behind: slips to the last three slots instead of bursting on");
        assertEquals(first.timestamp() + 28 * 160, stalled.getFirst().timestamp());
        assertTrue(stalled.stream().noneMatch(RtpPacket::marker), "still one talkspurt");
    }

    @Test
    void holdPausesThePlayAndTheResumedTalkspurtKeepsTheClock() {
        play(200);
        RtpPacket first = tick(10, SENDING).getFirst();
        tick(11, SENDING);
        assertEquals(List.of(), tick(12, HELD));
        assertEquals(List.of(), tick(13, HELD));
        RtpPacket resumed = tick(20, SENDING).getFirst();
        assertTrue(resumed.marker(), "a new talkspurt");
        assertEquals(first.timestamp() + 10 * 160, resumed.timestamp(), "timestamps follow the clock");
        assertEquals((first.sequence() + 2) & 0xFFFF, resumed.sequence(), "sequence numbers have no gap");
        for (long slot = 21; slot < 27; slot++) {
            assertEquals(1, tick(slot, SENDING).size());
        }
        assertFalse(done.isDone());
        assertEquals(1, tick(27, SENDING).size(), "the tenth and last frame");
        assertTrue(done.join(), "completes with the last frame sent");
        assertEquals(List.of(), tick(28, SENDING));
        assertFalse(outgoing.busy());
    }

    @Test
    void aDigitPausesTheVoiceWhichGoesOnAsANewTalkspurt() {
        play(1000);
        tick(0, SENDING);
        outgoing.queue(new DigitSender('#', 60));
        List<RtpPacket> digit = new ArrayList<>();
        for (long slot = 1; slot <= 5; slot++) {
            digit.addAll(tick(slot, SENDING));
        }
        assertTrue(digit.stream().allMatch(p -> p.payloadType() == 101), "three updates and two of three ends");
        assertTrue(digit.getFirst().marker());
        RtpPacket voice = tick(7, SENDING).getLast();
        assertEquals(0, voice.payloadType());
        assertTrue(tick(6, SENDING).isEmpty(), "slot 6 went with slot 7's tick");
    }
}
