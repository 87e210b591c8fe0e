package io.vpbx.media.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.vpbx.media.Codec;
import io.vpbx.telephony.audio.G711;
import org.junit.jupiter.api.Test;

/** The pure parts of the relay: timestamps moved onto the sending leg's timeline, and G.711 law conversion. */
class RelayNumberingTest {

    @Test
    void aSourceIsAnchoredAtTheLegsOwnNowAndKeepsItsSpacingAcrossTheWrap() {
        TimestampMapping mapping = new TimestampMapping();

        assertEquals(5000, mapping.map(7, -160, 5000));
        assertTrue(mapping.restarted(), "a new source starts a talkspurt");
        assertEquals(5160, mapping.map(7, 0, 99999), "the leg's clock no longer matters: the source's spacing does");
        assertFalse(mapping.restarted());
        assertEquals(5000 + 160 + 8000, mapping.map(7, 8000, 0), "silence suppressed for a second stays a second");
    }

    @Test
    void aNewSsrcOrANewBridgeAnchorsAfresh() {
        TimestampMapping mapping = new TimestampMapping();
        mapping.map(7, 1000, 0);

        assertEquals(42, mapping.map(8, 123456, 42));
        assertTrue(mapping.restarted(), "the far end restarted its stream");
        mapping.reset();
        assertEquals(77, mapping.map(8, 123616, 77));
        assertTrue(mapping.restarted());
    }

    @Test
    void everyPcmuCodeBecomesThePcmaCodeOfTheSameSoundAndBack() {
        for (int code = 0; code < 256; code++) {
            ByteBuf frame = Unpooled.wrappedBuffer(new byte[] {1, (byte) code, 2});
            G711Transcoding.transcode(frame, 1, 1, Codec.PCMU, Codec.PCMA);
            short before = G711.ulawToLinear((byte) code);
            short after = G711.alawToLinear(frame.getByte(1));
            assertEquals(before, after, Math.max(16, Math.abs(before) / 16.0), "u-law " + code);
            assertEquals(1, frame.getByte(0), "the bytes around are untouched");
            assertEquals(2, frame.getByte(2));
        }
    }

    @Test
    void theSameCodecIsLeftAlone() {
        ByteBuf frame = Unpooled.wrappedBuffer(new byte[] {(byte) 0xD5, 0x7F});
        G711Transcoding.transcode(frame, 0, 2, Codec.PCMA, Codec.PCMA);
        assertEquals((byte) 0xD5, frame.getByte(0));
        assertEquals(0x7F, frame.getByte(1));
    }
}
