package io.vpbx.sip.transport;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.IdleStateHandler;
import io.vpbx.config.SipTcpConfig;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The pipeline of one SIP stream connection: the idle timer (traffic either way, TLS records included), the
 * TLS handler on TLS connections, a frame decoder of its own (it holds the connection's partial message),
 * the message deadlines, the per-source throttle when there is one (it judges whole messages, so it comes
 * after the framer), then the stream handler shared by all connections.
 */
public final class SipChannelInitializer extends ChannelInitializer<Channel> {

    private final int maxMessageBytes;
    private final SipMetrics metrics;
    private final SipStreamHandler handler;
    private final Optional<SourceThrottleHandler> throttle;
    private final Optional<SipTcpConfig> limits;
    private final Optional<ConnectionMetrics> connectionMetrics;
    private final Optional<Function<Channel, SslHandler>> tls;

    /**
     * Framing alone: no timeouts, no TLS (tests of the pipeline).
     *
     * @param throttle shared by every connection; empty when sources are not throttled
     */
    public SipChannelInitializer(SipStreamHandler handler, Optional<SourceThrottleHandler> throttle, SipMetrics metrics,
                                 int maxMessageBytes) {
        this(handler, throttle, metrics, maxMessageBytes, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** With the idle and message timeouts of {@code limits}, counted in {@code connectionMetrics}. */
    public SipChannelInitializer(SipStreamHandler handler, Optional<SourceThrottleHandler> throttle, SipMetrics metrics,
                                 int maxMessageBytes, SipTcpConfig limits, ConnectionMetrics connectionMetrics) {
        this(handler, throttle, metrics, maxMessageBytes, Optional.of(limits), Optional.of(connectionMetrics), Optional.empty());
    }

    private SipChannelInitializer(SipStreamHandler handler, Optional<SourceThrottleHandler> throttle, SipMetrics metrics,
                                  int maxMessageBytes, Optional<SipTcpConfig> limits,
                                  Optional<ConnectionMetrics> connectionMetrics, Optional<Function<Channel, SslHandler>> tls) {
        this.maxMessageBytes = maxMessageBytes;
        this.metrics = metrics;
        this.handler = handler;
        this.throttle = throttle;
        this.limits = limits;
        this.connectionMetrics = connectionMetrics;
        this.tls = tls;
    }

    /** The same pipeline behind a TLS handler made per connection by {@code sslHandler}. */
    public SipChannelInitializer withTls(Function<Channel, SslHandler> sslHandler) {
        return new SipChannelInitializer(handler, throttle, metrics, maxMessageBytes, limits, connectionMetrics,
                Optional.of(sslHandler));
    }

    @Override
    protected void initChannel(Channel channel) {
        ChannelPipeline pipeline = channel.pipeline();
        limits.ifPresent(bounds -> pipeline.addLast("idle",
                new IdleStateHandler(0, 0, bounds.idleTimeout().toNanos(), TimeUnit.NANOSECONDS)));
        tls.ifPresent(sslHandler -> pipeline.addLast("tls", sslHandler.apply(channel)));
        pipeline.addLast("framer", new SipStreamFrameDecoder(maxMessageBytes, metrics, connectionMetrics));
        // a connection with a parent was accepted by a listener; one without was opened by vpbx
        limits.ifPresent(bounds -> pipeline.addLast("deadlines",
                new StreamDeadlineHandler(bounds.messageTimeout(), channel.parent() != null, connectionMetrics)));
        throttle.ifPresent(shared -> pipeline.addLast("throttle", shared));
        pipeline.addLast("sip", handler);
    }
}
