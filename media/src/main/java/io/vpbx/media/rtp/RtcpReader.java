package io.vpbx.media.rtp;

import io.netty.buffer.ByteBuf;

/**
 * Reads received RTCP leniently: vpbx does not act on reports (it plays and records, it does not adapt), it only
 * checks that a datagram is a compound of RTCP version 2 packets whose lengths fit, and says how many it holds.
 * Never throws.
 */
public final class RtcpReader {

    private RtcpReader() {
    }

    /** How many RTCP packets the datagram holds, or -1 when it is not a well-formed compound. */
    public static int count(ByteBuf datagram) {
        int index = datagram.readerIndex();
        int end = datagram.writerIndex();
        if (end - index > RtpPacket.MAX_DATAGRAM || end - index < 4) {
            return -1;
        }
        int packets = 0;
        while (index < end) {
            if (end - index < 4) {
                return -1;
            }
            int first = datagram.getUnsignedByte(index);
            int type = datagram.getUnsignedByte(index + 1);
            if ((first >> 6) != 2 || type < 192 || type > 223) {
                return -1;
            }
            index += 4 + 4 * datagram.getUnsignedShort(index + 2);
            if (index > end) {
                return -1;
            }
            packets++;
        }
        return packets;
    }
}
