package io.vpbx.sip.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import io.vpbx.sip.DropReason;
import io.vpbx.sip.proxy.SipReceiver;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SIP over UDP: one datagram is one message (RFC 3261 section 18.3). Datagrams above the size limit are
 * dropped unread; the rest go to the {@link SipReceiver} with a flow back to the datagram's source address
 * and port (symmetric response routing, RFC 3581). Writes are flushed once per read burst.
 */
public final class SipDatagramHandler extends SimpleChannelInboundHandler<DatagramPacket> {

    private static final Logger log = LoggerFactory.getLogger(SipDatagramHandler.class);

    private final SipReceiver receiver;
    private final SipMetrics metrics;
    private final int maxMessageBytes;
    private final WriteBatch batch;
    /**
     * Where a datagram is copied out of the (native) receive buffer to be decoded: the message's text is then its
     * one copy on the heap. A handler serves one channel, whose event loop alone calls it, so one array is enough.
     */
    private final byte[] scratch;

    public SipDatagramHandler(SipReceiver receiver, SipMetrics metrics, int maxMessageBytes, WriteBatch batch) {
        this.receiver = receiver;
        this.metrics = metrics;
        this.maxMessageBytes = maxMessageBytes;
        this.batch = batch;
        this.scratch = new byte[maxMessageBytes];
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
        batch.readStarted();
        if (packet.content().readableBytes() > maxMessageBytes) {
            metrics.dropped(DropReason.OVERSIZED);
            log.debug("dropped an oversized SIP datagram from {}", packet.sender());
            return;
        }
        metrics.received(SipTransport.UDP);
        ByteBuf content = packet.content();
        int length = content.readableBytes();
        content.getBytes(content.readerIndex(), scratch, 0, length);
        receiver.receive(new String(scratch, 0, length, StandardCharsets.ISO_8859_1),
                new UdpFlow(ctx.channel(), packet.sender(), batch));
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        batch.readComplete();
    }

    /** The UDP channel serves every peer, so one peer's failure must not close it. */
    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.warn("SIP UDP processing failed", cause);
    }
}
