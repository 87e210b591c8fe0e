package io.vpbx.sip.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.vpbx.sip.Outcome;
import io.vpbx.sip.StatelessResponder;
import java.io.IOException;
import java.net.InetSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SIP over a stream: takes the messages framed by {@link SipStreamFrameDecoder}, asks the
 * {@link StatelessResponder}, and writes a reply back on the same connection (RFC 3261 section 18.2.2).
 * Stateless, so one instance serves every connection.
 */
@Sharable
public final class SipStreamHandler extends SimpleChannelInboundHandler<ByteBuf> {

    private static final Logger log = LoggerFactory.getLogger(SipStreamHandler.class);

    private final StatelessResponder responder;
    private final SipMetrics metrics;

    public SipStreamHandler(StatelessResponder responder, SipMetrics metrics) {
        this.responder = responder;
        this.metrics = metrics;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, ByteBuf frame) {
        if (!(ctx.channel().remoteAddress() instanceof InetSocketAddress source)) {
            log.debug("closing a SIP stream with no peer address");
            ctx.close();
            return;
        }
        Outcome outcome = responder.respond(ByteBufUtil.getBytes(frame), source);
        metrics.record(SipTransport.TCP, outcome);
        if (outcome instanceof Outcome.Reply reply) {
            ctx.write(Unpooled.wrappedBuffer(reply.bytes()));
        } else if (outcome instanceof Outcome.Drop drop) {
            log.debug("dropped a SIP message from {}: {} ({})", source, drop.reason().tag(), drop.detail());
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        ctx.flush();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof IOException) {
            log.debug("SIP stream from {} failed", ctx.channel().remoteAddress(), cause);
        } else {
            log.warn("SIP stream processing failed for {}", ctx.channel().remoteAddress(), cause);
        }
        ctx.close();
    }
}
