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
import java.util.Optional;
import java.util.function.Predicate;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Drops out-of-dialog requests from a source IP address that exceeds its rate (see {@link SourceThrottle}),
 * counting each as {@link DropReason#THROTTLED}, before anything parses them. It takes both kinds of SIP input: a
 * {@link DatagramPacket} on the UDP channel (the source is its sender) and a framed message
 * {@link ByteBuf} on a stream connection (the source is the connection's peer), so it goes after the
 * stream framer.
 *
 * <p>Only requests that could start something count ({@link RequestKind#outOfDialog()}): responses answer
 * requests we sent; ACKs, CANCELs and requests within a dialog (a To tag) belong to calls already admitted, and
 * refusing them would leave calls half set up or never ended and make the peer retransmit. A carrier trunk's
 * source addresses (those of a configured {@code Trunk}) have a throttle of their own with a higher rate: one
 * trunk carries the calls of thousands of phones.
 *
 * <p>One instance serves every channel. It keeps one {@link SourceThrottle} per event loop, so each throttle
 * is only ever used by its loop's thread and needs no lock; a source whose connections land on several
 * loops gets the rate once per loop.
 */
@Sharable
public final class SourceThrottleHandler extends ChannelInboundHandlerAdapter {

    private final Supplier<SourceThrottle> newThrottle;
    private final Optional<Supplier<SourceThrottle>> newTrunkThrottle;
    private final Predicate<InetAddress> isTrunk;
    private final SipMetrics metrics;
    private final Map<EventExecutor, SourceThrottle> throttles = new ConcurrentHashMap<>();
    private final Map<EventExecutor, SourceThrottle> trunkThrottles = new ConcurrentHashMap<>();

    /** With no trunks: every source gets the one rate. */
    public SourceThrottleHandler(Supplier<SourceThrottle> newThrottle, SipMetrics metrics) {
        this(newThrottle, Optional.empty(), address -> false, metrics);
    }

    /**
     * @param newThrottle makes the throttle of one event loop, called once per loop
     * @param newTrunkThrottle makes the throttle of trunks' addresses of one event loop; empty: trunks are not throttled
     * @param isTrunk whether an address is a source address of a configured trunk; called from the event loop
     */
    public SourceThrottleHandler(Supplier<SourceThrottle> newThrottle, Optional<Supplier<SourceThrottle>> newTrunkThrottle,
                                 Predicate<InetAddress> isTrunk, SipMetrics metrics) {
        this.newThrottle = Objects.requireNonNull(newThrottle, "newThrottle");
        this.newTrunkThrottle = Objects.requireNonNull(newTrunkThrottle, "newTrunkThrottle");
        this.isTrunk = Objects.requireNonNull(isTrunk, "isTrunk");
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
        if (source == null || !RequestKind.of(content).outOfDialog() || admit(ctx, source)) {
            ctx.fireChannelRead(msg);
            return;
        }
        ReferenceCountUtil.release(msg);
        metrics.dropped(DropReason.THROTTLED);
    }

    private boolean admit(ChannelHandlerContext ctx, InetAddress source) {
        if (!isTrunk.test(source)) {
            return throttle(throttles, newThrottle, ctx).admit(source);
        }
        return newTrunkThrottle.isEmpty() || throttle(trunkThrottles, newTrunkThrottle.get(), ctx).admit(source);
    }

    private static SourceThrottle throttle(Map<EventExecutor, SourceThrottle> throttles, Supplier<SourceThrottle> make,
                                           ChannelHandlerContext ctx) {
        SourceThrottle throttle = throttles.get(ctx.executor());
        return throttle != null ? throttle : throttles.computeIfAbsent(ctx.executor(), loop -> make.get());
    }

    /** Whether the message starts, after the empty lines section 7.5 allows, as a Status-Line does. */
    static boolean isResponse(ByteBuf content) {
        return RequestKind.of(content) == RequestKind.RESPONSE;
    }
}
