package io.vpbx.sip.transport;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.ReferenceCountUtil;
import io.vpbx.sip.overload.OverloadGovernor;
import io.vpbx.sip.overload.OverloadMetrics;

/**
 * Far above capacity, new calls over UDP are dropped before anything parses them: while the
 * {@link OverloadGovernor} drops early, an INVITE without a To tag that it does not admit is released unread and
 * counted. Everything else passes: requests within a dialog, ACKs, CANCELs, responses, other requests. The caller
 * retransmits (Timer A), by which time the share admitted may have grown again. Over TCP nothing is dropped here
 * (a stream caller would not retransmit): the proxy answers 503 instead.
 *
 * <p>Runs on the SIP event loop, where the governor lives.
 */
@Sharable
public final class OverloadShedHandler extends ChannelInboundHandlerAdapter {
    private final OverloadGovernor governor;
    private final OverloadMetrics metrics;

    public OverloadShedHandler(OverloadGovernor governor, OverloadMetrics metrics) {
        this.governor = governor;
        this.metrics = metrics;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (governor.dropsEarly() && msg instanceof DatagramPacket packet
                && RequestKind.of(packet.content()) == RequestKind.NEW_INVITE && !governor.admitNewCall()) {
            ReferenceCountUtil.release(msg);
            metrics.dropped();
            return;
        }
        ctx.fireChannelRead(msg);
    }
}
