package io.vpbx.media.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** RTCP from one bridged leg rewritten for the other: SSRCs translated, packets of unknown layout cut. */
class RtcpTranslationTest {
    private static final int FAR_A = 0x0A0A0A0A;
    private static final int VPBX_TO_A = 0x11111111;
    private static final int VPBX_TO_B = 0x22222222;
    private static final int FAR_B = 0x0B0B0B0B;

    /** RR from A reporting on vpbx's stream to A, SDES CNAME "a@x" (7 bytes + null, padded), an APP packet. */
    static byte[] compoundFromA() {
        ByteBuffer out = ByteBuffer.allocate(64 + 24);
        out.put((byte) 0x81).put((byte) 201).putShort((short) 7).putInt(FAR_A); // RR, one block: 8 + 24 bytes
        out.putInt(VPBX_TO_A).putInt(0x05000010).putInt(1234).putInt(40).putInt(0xAABBCCDD).putInt(0x00010000);
        out.put((byte) 0x81).put((byte) 202).putShort((short) 3).putInt(FAR_A); // SDES, one chunk: 4 + 8 bytes
        out.put((byte) 1).put((byte) 3).put("a@x".getBytes()).put((byte) 0).put((byte) 0).put((byte) 0);
        out.put((byte) 0x80).put((byte) 204).putShort((short) 2).putInt(FAR_A).put("NAME".getBytes()); // APP
        return Arrays.copyOf(out.array(), out.position());
    }

    @Test
    void senderAndReportedSsrcsBecomeTheOtherLegsAndAppIsCut() {
        byte[] compound = compoundFromA();
        assertEquals(3, RtcpReader.count(io.netty.buffer.Unpooled.wrappedBuffer(compound)));

        int length = RtcpTranslation.translate(compound, compound.length, VPBX_TO_B, FAR_B);

        assertEquals(32 + 16, length, "the RR and the SDES are kept, the APP cut");
        ByteBuffer in = ByteBuffer.wrap(compound, 0, length);
        assertEquals(201, in.get(1) & 0xff);
        assertEquals(VPBX_TO_B, in.getInt(4), "B hears A's media from vpbx's SSRC toward B");
        assertEquals(FAR_B, in.getInt(8), "the block reports on the stream B sends");
        assertEquals(0x05000010, in.getInt(12), "what A measured is kept");
        assertEquals(0xAABBCCDD, in.getInt(24), "LSR kept: B can take the round trip from it");
        assertEquals(202, in.get(33) & 0xff);
        assertEquals(VPBX_TO_B, in.getInt(36), "the SDES chunk names the same source");
        assertEquals("a@x", new String(compound, 42, 3));
    }

    @Test
    void aSenderReportsBlocksFollowItsSenderInfoAndByeNamesTheSender() {
        ByteBuffer out = ByteBuffer.allocate(60);
        out.put((byte) 0x81).put((byte) 200).putShort((short) 12).putInt(FAR_A); // SR: 8 + 20 + 24 bytes
        out.putInt(0xE0000000).putInt(0).putInt(160).putInt(50).putInt(8000);
        out.putInt(VPBX_TO_A).putInt(0).putInt(0).putInt(0).putInt(0).putInt(0);
        out.put((byte) 0x81).put((byte) 203).putShort((short) 1).putInt(FAR_A); // BYE
        byte[] compound = out.array();

        int length = RtcpTranslation.translate(compound, compound.length, VPBX_TO_B, FAR_B);

        ByteBuffer in = ByteBuffer.wrap(compound);
        assertEquals(60, length);
        assertEquals(VPBX_TO_B, in.getInt(4));
        assertEquals(160, in.getInt(16), "the sender info stays");
        assertEquals(FAR_B, in.getInt(28));
        assertEquals(VPBX_TO_B, in.getInt(56), "BYE names the source B heard");
    }

    @Test
    void aCompoundOfOnlyUnknownPacketsLeavesNothing() {
        byte[] app = {(byte) 0x80, (byte) 204, 0, 2, 1, 2, 3, 4, 'N', 'A', 'M', 'E'};
        assertEquals(0, RtcpTranslation.translate(app, app.length, VPBX_TO_B, FAR_B));
    }
}
