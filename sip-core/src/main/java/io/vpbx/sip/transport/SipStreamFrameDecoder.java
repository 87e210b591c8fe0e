package io.vpbx.sip.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.vpbx.sip.DropReason;
import io.vpbx.sip.wire.HeaderId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Splits a SIP byte stream into messages (RFC 3261 section 18.3): the header section ends at the first
 * CRLFCRLF, the body is Content-Length (or {@code l}) bytes long, zero when absent. CRLFs before a start
 * line are skipped (section 7.5), which also swallows RFC 5626 keep-alive pings.
 *
 * <p>A message larger than the limit, or one whose Content-Length cannot be read, leaves the stream with no
 * way to find the next message: the input is counted as dropped and the connection is closed. A request
 * whose header section was read in full but whose body would exceed the limit is first answered with 513
 * Message Too Large. Each emitted frame is a retained slice holding exactly one message.
 *
 * <p>After every read that leaves part of a message buffered, {@link MessagePending} is fired as a user
 * event, so that {@link StreamDeadlineHandler} can time the message.
 */
public final class SipStreamFrameDecoder extends ByteToMessageDecoder {

    private static final Logger log = LoggerFactory.getLogger(SipStreamFrameDecoder.class);
    private static final int UNKNOWN = -1;
    private static final int CRLFCRLF = 4;
    /** How long a connection answered with 513 stays open for the answer to be read. */
    static final Duration LINGER = Duration.ofSeconds(1);

    private final int maxMessageBytes;
    private final SipMetrics metrics;
    private final Optional<ConnectionMetrics> connectionMetrics;
    /** Bytes after the reader index already searched for the end of the header section. */
    private int searched;
    /** Length of the message at the reader index once its header section is complete. */
    private int frameLength = UNKNOWN;
    private boolean rejected;

    public SipStreamFrameDecoder(int maxMessageBytes, SipMetrics metrics) {
        this(maxMessageBytes, metrics, Optional.empty());
    }

    /** @param connectionMetrics counts the connections closed after a 513 */
    public SipStreamFrameDecoder(int maxMessageBytes, SipMetrics metrics, Optional<ConnectionMetrics> connectionMetrics) {
        this.maxMessageBytes = maxMessageBytes;
        this.metrics = metrics;
        this.connectionMetrics = connectionMetrics;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        super.channelRead(ctx, msg);
        if (!rejected && actualReadableBytes() > 0) {
            ctx.fireUserEventTriggered(MessagePending.INSTANCE);
        }
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
            String headerSection = in.toString(in.readerIndex(), headerLength, StandardCharsets.ISO_8859_1);
            long bodyLength = contentLength(headerSection);
            if (bodyLength < 0) {
                reject(ctx, in, DropReason.MALFORMED, "unreadable Content-Length");
                return;
            }
            if (headerLength + bodyLength > maxMessageBytes) {
                boolean answered = answerTooLarge(ctx, headerSection);
                reject(ctx, in, DropReason.OVERSIZED, (headerLength + bodyLength) + " bytes", !answered);
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
        // line by line without a regular expression: this runs for every message on a stream
        int end = headerSection.indexOf("\r\n");
        while (end >= 0 && end + 2 < headerSection.length()) {
            int start = end + 2;
            end = headerSection.indexOf("\r\n", start);
            String line = headerSection.substring(start, end < 0 ? headerSection.length() : end);
            int colon = line.indexOf(':');
            if (colon <= 0 || HeaderId.of(line.substring(0, colon).strip()) != HeaderId.CONTENT_LENGTH) {
                continue;
            }
            String value = line.substring(colon + 1).strip();
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

    /**
     * Writes the 513 and closes the connection {@link #LINGER} after it is written, reading and discarding
     * what the peer still sends meanwhile: closing at once with the rest of a large body unread would reset
     * the connection, and a reset can destroy the answer before the peer has read it. False when the request
     * gets no answer.
     */
    private boolean answerTooLarge(ChannelHandlerContext ctx, String headerSection) {
        Optional<byte[]> answer = TooLargeAnswer.to(headerSection);
        answer.ifPresent(bytes -> {
            ctx.writeAndFlush(Unpooled.wrappedBuffer(bytes)).addListener(written ->
                    ctx.executor().schedule(() -> ctx.close(), LINGER.toMillis(), TimeUnit.MILLISECONDS));
            connectionMetrics.ifPresent(counters -> counters.closed(ConnectionMetrics.Closing.TOO_LARGE));
        });
        return answer.isPresent();
    }

    private void reject(ChannelHandlerContext ctx, ByteBuf in, DropReason reason, String detail) {
        reject(ctx, in, reason, detail, true);
    }

    private void reject(ChannelHandlerContext ctx, ByteBuf in, DropReason reason, String detail, boolean close) {
        rejected = true;
        metrics.dropped(reason);
        log.debug("closing SIP stream from {}: {} ({})", ctx.channel().remoteAddress(), reason.tag(), detail);
        in.skipBytes(in.readableBytes());
        if (close) {
            ctx.close();
        }
    }
}
