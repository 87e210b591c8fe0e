package io.vpbx.media.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SenderReportTest {

    @Test
    void writesRfc3550SenderReportWithCname() {
        ByteBuf out = Unpooled.buffer();
        SenderReport.write(out, 0x11223344, Instant.parse("2026-12-07T01:00:00.5Z"), 0x55667788, 250, 40_000,
                "vpbx@127.0.0.1");

        assertEquals(2, RtcpReader.count(out), "SR and SDES, lengths consistent");
        assertEquals(0x80, out.getUnsignedByte(0));
        assertEquals(200, out.getUnsignedByte(1));
        assertEquals(6, out.getUnsignedShort(2));
        assertEquals(0x11223344, out.getInt(4));
        long ntpSeconds = Instant.parse("2026-12-07T01:00:00Z").getEpochSecond() + 2_208_988_800L;
        assertEquals(ntpSeconds, out.getUnsignedInt(8));
        assertEquals(0x8000_0000L, out.getUnsignedInt(12), "half a second");
        assertEquals(0x55667788, out.getInt(16));
        assertEquals(250, out.getInt(20));
        assertEquals(40_000, out.getInt(24));
        assertEquals(202, out.getUnsignedByte(29));
        assertEquals(1, out.getUnsignedByte(36), "CNAME item");
        assertEquals(14, out.getUnsignedByte(37));
        assertEquals(0, out.readableBytes() % 4);
    }

    @Test
    void readsRtcpLeniently() {
        assertEquals(-1, RtcpReader.count(Unpooled.wrappedBuffer(new byte[] {(byte) 0x80, (byte) 200, 0, 60})));
        assertEquals(-1, RtcpReader.count(Unpooled.wrappedBuffer(new byte[] {0, (byte) 200, 0, 0})));
        assertEquals(-1, RtcpReader.count(Unpooled.wrappedBuffer(new byte[] {(byte) 0x80, 0, 0, 0})));
        assertEquals(-1, RtcpReader.count(Unpooled.wrappedBuffer(new byte[0])));
        assertEquals(1, RtcpReader.count(Unpooled.wrappedBuffer(new byte[] {(byte) 0x80, (byte) 203, 0, 0})), "BYE");
    }
}
