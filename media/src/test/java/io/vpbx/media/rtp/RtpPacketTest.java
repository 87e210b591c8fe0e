package io.vpbx.media.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RtpPacketTest {

    private static RtpPacket.Read read(String hex) {
        return RtpPacket.read(Unpooled.wrappedBuffer(HexFormat.of().parseHex(hex)));
    }

    @Test
    void readsTheFixedHeaderAndFindsThePayload() {
        RtpPacket packet = read("80e5fffe0000a0001234567801020304").packet();
        assertEquals(new RtpPacket(true, 101, 0xFFFE, 0xA000, 0x12345678, 12, 4), packet);
    }

    @Test
    void skipsCsrcsAndExtensionAndPadding() {
        // CC=1, X=1 with one extension word, P=1 with 2 bytes of padding: payload is "aabb"
        RtpPacket packet = read("b1000001000000020000000300000004bede000100000000aabb0002").packet();
        assertEquals(24, packet.payloadOffset());
        assertEquals(2, packet.payloadLength());
    }

    @ParameterizedTest
    @CsvSource({
        "'', MALFORMED",
        "8000, MALFORMED",
        "4000000100000002000000030000, NOT_RTP",
        "c0000001000000020000000300000004, NOT_RTP",
        "80c8000600000002000000030000000400000005, NOT_RTP",
        "8f000001000000020000000300000004, MALFORMED",
        "90000001000000020000000300000004, MALFORMED",
        "9000000100000002000000030000000400ff0000, MALFORMED",
        "a0000001000000020000000300000004aa00, MALFORMED",
        "a0000001000000020000000300000004aa09, MALFORMED",
    })
    void refusesWhatIsNotWellFormedRtp(String hex, DropReason reason) {
        assertEquals(reason, read(hex).dropped());
    }

    @Test
    void refusesOversizedDatagrams() {
        ByteBuf big = Unpooled.buffer(1501);
        RtpPacket.writeHeader(big, false, 0, 1, 2, 3);
        big.writerIndex(1501);
        assertEquals(DropReason.OVERSIZED, RtpPacket.read(big).dropped());
    }

    @Test
    void randomBytesNeverThrowAndNeverPointOutsideTheDatagram() {
        Random random = new Random(4733);
        for (int i = 0; i < 100_000; i++) {
            byte[] bytes = new byte[random.nextInt(64)];
            random.nextBytes(bytes);
            if (bytes.length > 0 && random.nextBoolean()) {
                bytes[0] = (byte) (0x80 | bytes[0] & 0x3F);
            }
            RtpPacket.Read read = RtpPacket.read(Unpooled.wrappedBuffer(bytes));
            if (read.ok()) {
                RtpPacket packet = read.packet();
                assertTrue(packet.payloadLength() >= 0
                        && packet.payloadOffset() + packet.payloadLength() <= bytes.length);
            }
        }
    }

    @Test
    void writesWhatItReads() {
        ByteBuf out = Unpooled.buffer();
        RtpPacket.writeHeader(out, true, 8, 65535, -1, 0xCAFEBABE);
        out.writeBytes(new byte[160]);
        assertEquals(new RtpPacket(true, 8, 65535, -1, 0xCAFEBABE, 12, 160), RtpPacket.read(out).packet());
    }
}
