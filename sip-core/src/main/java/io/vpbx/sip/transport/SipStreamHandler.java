package io.vpbx.sip.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.vpbx.sip.proxy.SipReceiver;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SIP over a stream: takes the messages framed by {@link SipStreamFrameDecoder} and hands them to the
 * {@link SipReceiver} with the connection as their flow (responses go back on it, RFC 3261 section 18.2.2).
 * Keeps the table of open connections current, so that requests to a peer reuse its connection.
 */
@Sharable
public final class SipStreamHandler extends SimpleChannelInboundHandler<ByteBuf> {

    private static final Logger log = LoggerFactory.getLogger(SipStreamHandler.class);

    private final SipReceiver receiver;
    private final SipMetrics metrics;
    private final Connections connections;
    private final WriteBatch batch;

    public SipStreamHandler(SipReceiver receiver, SipMetrics metrics, Connections connections, WriteBatch batch) {
        this.receiver = receiver;
        this.metrics = metrics;
        this.connections = connections;
        this.batch = batch;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        connections.opened(ctx.channel());
        super.channelActive(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        connections.closed(ctx.channel());
        super.channelInactive(ctx);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, ByteBuf frame) {
        batch.readStarted();
        if (!(ctx.channel().remoteAddress() instanceof InetSocketAddress)) {
            log.debug("closing a SIP stream with no peer address");
            ctx.close();
            return;
        }
        StreamFlow flow = StreamFlow.of(ctx.channel(), batch);
        metrics.received(flow.kind());
        receiver.receive(frame.toString(StandardCharsets.ISO_8859_1), flow);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        batch.readComplete();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // a peer's failure (reset, a TLS handshake it cannot finish, such as TLS 1.1) is the peer's, not ours
        if (cause instanceof IOException || cause.getCause() instanceof IOException) {
            log.debug("SIP stream from {} failed", ctx.channel().remoteAddress(), cause);
        } else {
            log.warn("SIP stream processing failed for {}", ctx.channel().remoteAddress(), cause);
        }
        ctx.close();
    }
}
