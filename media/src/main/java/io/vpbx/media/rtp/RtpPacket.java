package io.vpbx.media.rtp;

import io.netty.buffer.ByteBuf;

/**
 * One RTP packet's fixed header (RFC 3550 section 5.1) and where its payload lies in the datagram it was read
 * from. Reading never throws: a datagram that is not a well-formed RTP version 2 packet yields a
 * {@link DropReason} instead.
 *
 * @param marker        the M bit (start of a talkspurt, start of a telephone event)
 * @param payloadType   0-127
 * @param sequence      16-bit sequence number
 * @param timestamp     32-bit media timestamp (compare with int subtraction: it wraps)
 * @param ssrc          synchronisation source
 * @param payloadOffset index of the payload in the buffer that was read
 * @param payloadLength payload bytes, padding excluded
 */
public record RtpPacket(boolean marker, int payloadType, int sequence, int timestamp, int ssrc, int payloadOffset,
        int payloadLength) {

    /** No G.711 (20 ms = 160 bytes) or telephone-event packet comes near this; larger datagrams are hostile. */
    public static final int MAX_DATAGRAM = 1500;
    public static final int HEADER_LENGTH = 12;

    /** A read: either a packet or the reason it is not one. */
    public record Read(RtpPacket packet, DropReason dropped) {

        public boolean ok() {
            return packet != null;
        }
    }

    /** Reads the datagram between the buffer's reader and writer index, without moving them. */
    public static Read read(ByteBuf datagram) {
        int start = datagram.readerIndex();
        int length = datagram.readableBytes();
        if (length > MAX_DATAGRAM) {
            return new Read(null, DropReason.OVERSIZED);
        }
        if (length < HEADER_LENGTH) {
            return new Read(null, length > 0 && version(datagram.getByte(start)) != 2
                    ? DropReason.NOT_RTP : DropReason.MALFORMED);
        }
        int first = datagram.getUnsignedByte(start);
        int second = datagram.getUnsignedByte(start + 1);
        if (version((byte) first) != 2) {
            return new Read(null, DropReason.NOT_RTP);
        }
        int payloadType = second & 0x7F;
        if (payloadType >= 72 && payloadType <= 76) {
            return new Read(null, DropReason.NOT_RTP); // RTCP SR/RR/SDES/BYE/APP (200-204) on the RTP port
        }
        int header = HEADER_LENGTH + 4 * (first & 0x0F);
        if ((first & 0x10) != 0) {
            if (header + 4 > length) {
                return new Read(null, DropReason.MALFORMED);
            }
            header += 4 + 4 * datagram.getUnsignedShort(start + header + 2);
        }
        int padding = 0;
        if ((first & 0x20) != 0) {
            padding = datagram.getUnsignedByte(start + length - 1);
            if (padding == 0) {
                return new Read(null, DropReason.MALFORMED);
            }
        }
        if (header + padding > length) {
            return new Read(null, DropReason.MALFORMED);
        }
        return new Read(new RtpPacket((second & 0x80) != 0, payloadType, datagram.getUnsignedShort(start + 2),
                datagram.getInt(start + 4), datagram.getInt(start + 8), start + header, length - header - padding),
                null);
    }

    /** Writes a fixed header (no CSRC, no extension, no padding). */
    public static void writeHeader(ByteBuf out, boolean marker, int payloadType, int sequence, int timestamp,
            int ssrc) {
        out.writeByte(0x80);
        out.writeByte((marker ? 0x80 : 0) | (payloadType & 0x7F));
        out.writeShort(sequence);
        out.writeInt(timestamp);
        out.writeInt(ssrc);
    }

    private static int version(byte first) {
        return (first & 0xC0) >> 6;
    }
}
