package io.vpbx.sip.transport;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.MaxMessagesRecvByteBufAllocator;
import io.netty.channel.RecvByteBufAllocator;

/**
 * Counts the datagrams of each UDP read burst (the reads between two {@code channelReadComplete}s) and how many
 * bursts were full: a burst stops at the most datagrams one read takes, so a full one left more waiting in the
 * socket's receive queue. A queue that is still there burst after burst is the UDP proxy's backlog, which the
 * loop's lag alone does not show (the loop keeps running its timers between bursts while the queue grows).
 *
 * <p>Shared by the UDP channels of one event loop (there is one at a time; binding may try several); read by the
 * {@code LoadMonitor} on the same loop.
 */
@Sharable
public final class ReadBurstMeter extends ChannelInboundHandlerAdapter {
    /**
     * Fewer bursts than this between two samples say nothing (a test's or a quiet hour's burst of a few dozen
     * datagrams fills one read); a backlog at thousands of messages a second makes hundreds of bursts per 100 ms.
     */
    static final int MIN_BURSTS = 20;
    private int inBurst;
    private int bursts;
    private int full;
    private int maxPerRead;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        inBurst++;
        ctx.fireChannelRead(msg);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (inBurst > 0) {
            bursts++;
            if (inBurst >= maxPerRead(ctx)) {
                full++;
            }
            inBurst = 0;
        }
        ctx.fireChannelReadComplete();
    }

    /** The share of bursts that were full since the last call (0..100), 0 when there were fewer than {@link #MIN_BURSTS}. */
    public int takeFullPercent() {
        int percent = bursts < MIN_BURSTS ? 0 : full * 100 / bursts;
        bursts = 0;
        full = 0;
        return percent;
    }

    private int maxPerRead(ChannelHandlerContext ctx) {
        if (maxPerRead == 0) {
            RecvByteBufAllocator allocator = ctx.channel().config().getRecvByteBufAllocator();
            maxPerRead = allocator instanceof MaxMessagesRecvByteBufAllocator limited ? limited.maxMessagesPerRead() : 16;
        }
        return maxPerRead;
    }
}
