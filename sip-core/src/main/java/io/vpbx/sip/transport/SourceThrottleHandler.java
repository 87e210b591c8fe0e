package io.vpbx.sip.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.EventExecutor;
import io.vpbx.sip.DropReason;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Drops requests from a source IP address that exceeds its rate (see {@link SourceThrottle}), counting
 * each as {@link DropReason#THROTTLED}, before anything reads them. It takes both kinds of SIP input: a
 * {@link DatagramPacket} on the UDP channel (the source is its sender) and a framed message
 * {@link ByteBuf} on a stream connection (the source is the connection's peer), so it goes after the
 * stream framer.
 *
 * <p>Responses pass untouched: they answer requests we sent, and their transactions need them. Whether a
 * message is one is told from its first bytes, as {@code "SIP/"} starts a Status-Line and never a
 * Request-Line (RFC 3261 section 7.1, 7.2).
 *
 * <p>One instance serves every channel. It keeps one {@link SourceThrottle} per event loop, so each throttle
 * is only ever used by its loop's thread and needs no lock; a source whose connections land on several
 * loops gets the rate once per loop.
 */
@Sharable
public final class SourceThrottleHandler extends ChannelInboundHandlerAdapter {

    private final Supplier<SourceThrottle> newThrottle;
    private final SipMetrics metrics;
    private final Map<EventExecutor, SourceThrottle> throttles = new ConcurrentHashMap<>();

    /**
     * @param newThrottle makes the throttle of one event loop, called once per loop
     */
    public SourceThrottleHandler(Supplier<SourceThrottle> newThrottle, SipMetrics metrics) {
        this.newThrottle = Objects.requireNonNull(newThrottle, "newThrottle");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf content;
        InetAddress source;
        if (msg instanceof DatagramPacket packet) {
            content = packet.content();
            source = packet.sender() == null ? null : packet.sender().getAddress();
        } else if (msg instanceof ByteBuf frame && ctx.channel().remoteAddress() instanceof InetSocketAddress peer) {
            content = frame;
            source = peer.getAddress();
        } else {
            ctx.fireChannelRead(msg);
            return;
        }
        if (source == null || isResponse(content) || throttle(ctx).admit(source)) {
            ctx.fireChannelRead(msg);
            return;
        }
        ReferenceCountUtil.release(msg);
        metrics.dropped(DropReason.THROTTLED);
    }

    private SourceThrottle throttle(ChannelHandlerContext ctx) {
        SourceThrottle throttle = throttles.get(ctx.executor());
        return throttle != null ? throttle : throttles.computeIfAbsent(ctx.executor(), loop -> newThrottle.get());
    }

    /** Whether the message starts, after the empty lines section 7.5 allows, as a Status-Line does. */
    static boolean isResponse(ByteBuf content) {
        int start = content.readerIndex();
        int end = content.writerIndex();
        while (start < end && (content.getByte(start) == '\r' || content.getByte(start) == '\n')) {
            start++;
        }
        // "SIP" is case-insensitive, like every ABNF literal.
        return end - start >= 4 && upperCase(content.getByte(start)) == 'S'
                && upperCase(content.getByte(start + 1)) == 'I' && upperCase(content.getByte(start + 2)) == 'P'
                && content.getByte(start + 3) == '/';
    }

    private static int upperCase(byte b) {
        return b >= 'a' && b <= 'z' ? b - ('a' - 'A') : b;
    }
}
