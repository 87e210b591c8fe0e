package io.vpbx.sip.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.vpbx.sip.DropReason;
import io.vpbx.sip.message.HeaderName;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Splits a SIP byte stream into messages (RFC 3261 section 18.3): the header section ends at the first
 * CRLFCRLF, the body is Content-Length (or {@code l}) bytes long, zero when absent. CRLFs before a start
 * line are skipped (section 7.5), which also swallows RFC 5626 keep-alive pings.
 *
 * <p>A message larger than the limit, or one whose Content-Length cannot be read, leaves the stream with no
 * way to find the next message: the input is counted as dropped and the connection is closed. Each
 * emitted frame is a retained slice holding exactly one message.
 */
public final class SipStreamFrameDecoder extends ByteToMessageDecoder {

    private static final Logger log = LoggerFactory.getLogger(SipStreamFrameDecoder.class);
    private static final int UNKNOWN = -1;
    private static final int CRLFCRLF = 4;

    private final int maxMessageBytes;
    private final SipMetrics metrics;
    /** Bytes after the reader index already searched for the end of the header section. */
    private int searched;
    /** Length of the message at the reader index once its header section is complete. */
    private int frameLength = UNKNOWN;
    private boolean rejected;

    public SipStreamFrameDecoder(int maxMessageBytes, SipMetrics metrics) {
        this.maxMessageBytes = maxMessageBytes;
        this.metrics = metrics;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (rejected) {
            in.skipBytes(in.readableBytes());
            return;
        }
        if (frameLength == UNKNOWN) {
            if (searched == 0) {
                skipLineBreaks(in);
            }
            int headerLength = headerSectionLength(in);
            if (headerLength == UNKNOWN) {
                if (in.readableBytes() >= maxMessageBytes) {
                    reject(ctx, in, DropReason.OVERSIZED, "no end of headers within " + maxMessageBytes + " bytes");
                }
                return;
            }
            long bodyLength = contentLength(in.toString(in.readerIndex(), headerLength, StandardCharsets.ISO_8859_1));
            if (bodyLength < 0) {
                reject(ctx, in, DropReason.MALFORMED, "unreadable Content-Length");
                return;
            }
            if (headerLength + bodyLength > maxMessageBytes) {
                reject(ctx, in, DropReason.OVERSIZED, (headerLength + bodyLength) + " bytes");
                return;
            }
            frameLength = (int) (headerLength + bodyLength);
        }
        if (in.readableBytes() >= frameLength) {
            out.add(in.readRetainedSlice(frameLength));
            frameLength = UNKNOWN;
            searched = 0;
        }
    }

    private static void skipLineBreaks(ByteBuf in) {
        while (in.isReadable() && (in.getByte(in.readerIndex()) == '\r' || in.getByte(in.readerIndex()) == '\n')) {
            in.skipBytes(1);
        }
    }

    /** Length of the header section including its CRLFCRLF, or {@link #UNKNOWN} while incomplete. */
    private int headerSectionLength(ByteBuf in) {
        int start = in.readerIndex();
        int limit = Math.min(in.readableBytes(), maxMessageBytes);
        for (int i = Math.max(searched, CRLFCRLF - 1); i < limit; i++) {
            if (in.getByte(start + i) == '\n' && in.getByte(start + i - 1) == '\r'
                    && in.getByte(start + i - 2) == '\n' && in.getByte(start + i - 3) == '\r') {
                return i + 1;
            }
        }
        searched = limit;
        return UNKNOWN;
    }

    /** The Content-Length of a header section: 0 when absent, -1 when unreadable or given twice differently. */
    static long contentLength(String headerSection) {
        long length = 0;
        boolean seen = false;
        String[] lines = headerSection.split("\r\n");
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0 || !HeaderName.CONTENT_LENGTH.equals(HeaderName.canonical(lines[i].substring(0, colon).strip()))) {
                continue;
            }
            String value = lines[i].substring(colon + 1).strip();
            if (value.isEmpty() || value.length() > 10 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return -1;
            }
            long parsed = Long.parseLong(value);
            if (seen && parsed != length) {
                return -1;
            }
            length = parsed;
            seen = true;
        }
        return length;
    }

    private void reject(ChannelHandlerContext ctx, ByteBuf in, DropReason reason, String detail) {
        rejected = true;
        metrics.dropped(reason);
        log.debug("closing SIP stream from {}: {} ({})", ctx.channel().remoteAddress(), reason.tag(), detail);
        in.skipBytes(in.readableBytes());
        ctx.close();
    }
}
