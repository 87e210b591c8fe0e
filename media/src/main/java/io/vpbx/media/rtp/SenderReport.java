package io.vpbx.media.rtp;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * An RTCP compound packet with a sender report (RFC 3550 section 6.4.1) and the SDES CNAME that section 6.1 says
 * every compound packet carries. The NTP timestamp and the RTP timestamp describe the same instant, so the far
 * end can put vpbx's audio on its wall clock; the counts are what was sent since the session started.
 */
public final class SenderReport {

    private static final long NTP_UNIX_OFFSET_SECONDS = 2_208_988_800L;

    private SenderReport() {
    }

    public static void write(ByteBuf out, int ssrc, Instant wallClock, int rtpTimestamp, long packets, long octets,
            String cname) {
        out.writeByte(0x80);            // V=2, P=0, RC=0
        out.writeByte(200);             // SR
        out.writeShort(6);              // 28 bytes / 4 - 1
        out.writeInt(ssrc);
        out.writeInt((int) (wallClock.getEpochSecond() + NTP_UNIX_OFFSET_SECONDS));
        out.writeInt((int) ((wallClock.getNano() * (1L << 32)) / 1_000_000_000L));
        out.writeInt(rtpTimestamp);
        out.writeInt((int) packets);
        out.writeInt((int) octets);
        byte[] name = cname.getBytes(StandardCharsets.US_ASCII);
        int nameLength = Math.min(name.length, 255);
        int items = 2 + nameLength + 1;            // CNAME type, length, text, END
        int padded = (4 + items + 3) & ~3;          // SSRC + items, to a 32-bit boundary
        out.writeByte(0x81);            // V=2, SC=1
        out.writeByte(202);             // SDES
        out.writeShort(padded / 4);     // (4 header + padded) / 4 - 1
        out.writeInt(ssrc);
        out.writeByte(1);               // CNAME
        out.writeByte(nameLength);
        out.writeBytes(name, 0, nameLength);
        out.writeZero(padded - 4 - 2 - nameLength);  // END item and padding
    }
}
