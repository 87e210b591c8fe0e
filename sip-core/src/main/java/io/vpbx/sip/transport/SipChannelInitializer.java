package io.vpbx.sip.transport;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;

/**
 * The pipeline of one SIP stream connection: a frame decoder of its own (it holds the connection's
 * partial message), then the stream handler shared by all connections.
 */
public final class SipChannelInitializer extends ChannelInitializer<Channel> {

    private final int maxMessageBytes;
    private final SipMetrics metrics;
    private final SipStreamHandler handler;

    public SipChannelInitializer(SipStreamHandler handler, SipMetrics metrics, int maxMessageBytes) {
        this.maxMessageBytes = maxMessageBytes;
        this.metrics = metrics;
        this.handler = handler;
    }

    @Override
    protected void initChannel(Channel channel) {
        channel.pipeline()
                .addLast("framer", new SipStreamFrameDecoder(maxMessageBytes, metrics))
                .addLast("sip", handler);
    }
}
