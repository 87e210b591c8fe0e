package io.vpbx.media.rtp;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thin wire of one RTP or RTCP socket: hands each datagram's bytes and source to the session (on the socket's
 * event loop) and releases the buffer after. A failure while handling one datagram is logged and counted, never
 * closes the socket.
 */
public final class DatagramInbound extends SimpleChannelInboundHandler<DatagramPacket> {

    private static final Logger LOG = LoggerFactory.getLogger(DatagramInbound.class);

    /** What receives the datagrams; it must not keep the buffer. */
    @FunctionalInterface
    public interface Receiver {
        void receive(ByteBuf datagram, InetSocketAddress source);
    }

    private final Receiver receiver;
    private final MediaMetrics metrics;
    private final DropReason onFailure;

    public DatagramInbound(Receiver receiver, MediaMetrics metrics, DropReason onFailure) {
        this.receiver = receiver;
        this.metrics = metrics;
        this.onFailure = onFailure;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
        try {
            receiver.receive(packet.content(), packet.sender());
        } catch (RuntimeException e) {
            metrics.dropped(onFailure);
            LOG.warn("datagram from {} on {} failed: {}", packet.sender(), ctx.channel().localAddress(), e.toString());
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("socket {}: {}", ctx.channel().localAddress(), cause.toString());
    }
}
