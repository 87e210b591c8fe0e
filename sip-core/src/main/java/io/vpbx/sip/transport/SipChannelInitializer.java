package io.vpbx.sip.transport;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import java.util.Optional;

/**
 * The pipeline of one SIP stream connection: a frame decoder of its own (it holds the connection's
 * partial message), the per-source throttle when there is one (it judges whole messages, so it comes after
 * the framer), then the stream handler shared by all connections.
 */
public final class SipChannelInitializer extends ChannelInitializer<Channel> {

    private final int maxMessageBytes;
    private final SipMetrics metrics;
    private final SipStreamHandler handler;
    private final Optional<SourceThrottleHandler> throttle;

    /**
     * @param throttle shared by every connection; empty when sources are not throttled
     */
    public SipChannelInitializer(SipStreamHandler handler, Optional<SourceThrottleHandler> throttle, SipMetrics metrics,
                                 int maxMessageBytes) {
        this.maxMessageBytes = maxMessageBytes;
        this.metrics = metrics;
        this.handler = handler;
        this.throttle = throttle;
    }

    @Override
    protected void initChannel(Channel channel) {
        ChannelPipeline pipeline = channel.pipeline();
        pipeline.addLast("framer", new SipStreamFrameDecoder(maxMessageBytes, metrics));
        throttle.ifPresent(shared -> pipeline.addLast("throttle", shared));
        pipeline.addLast("sip", handler);
    }
}
