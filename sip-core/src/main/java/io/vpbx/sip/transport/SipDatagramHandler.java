package io.vpbx.sip.transport;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import io.vpbx.sip.DropReason;
import io.vpbx.sip.Outcome;
import io.vpbx.sip.StatelessResponder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SIP over UDP: one datagram is one message (RFC 3261 section 18.3). Datagrams above the size limit are
 * dropped unread; the rest go to the {@link StatelessResponder}, and a reply goes back to the datagram's
 * source address and port (symmetric response routing, RFC 3581). Replies are flushed once per read burst.
 */
@Sharable
public final class SipDatagramHandler extends SimpleChannelInboundHandler<DatagramPacket> {

    private static final Logger log = LoggerFactory.getLogger(SipDatagramHandler.class);

    private final StatelessResponder responder;
    private final SipMetrics metrics;
    private final int maxMessageBytes;

    public SipDatagramHandler(StatelessResponder responder, SipMetrics metrics, int maxMessageBytes) {
        this.responder = responder;
        this.metrics = metrics;
        this.maxMessageBytes = maxMessageBytes;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
        if (packet.content().readableBytes() > maxMessageBytes) {
            metrics.dropped(DropReason.OVERSIZED);
            log.debug("dropped an oversized SIP datagram from {}", packet.sender());
            return;
        }
        Outcome outcome = responder.respond(ByteBufUtil.getBytes(packet.content()), packet.sender());
        metrics.record(SipTransport.UDP, outcome);
        if (outcome instanceof Outcome.Reply reply) {
            ctx.write(new DatagramPacket(Unpooled.wrappedBuffer(reply.bytes()), packet.sender()));
        } else if (outcome instanceof Outcome.Drop drop) {
            log.debug("dropped a SIP datagram from {}: {} ({})", packet.sender(), drop.reason().tag(), drop.detail());
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        ctx.flush();
    }

    /** The UDP channel serves every peer, so one peer's failure must not close it. */
    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.warn("SIP UDP processing failed", cause);
    }
}
