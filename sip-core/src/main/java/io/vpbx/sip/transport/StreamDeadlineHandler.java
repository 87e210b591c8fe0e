package io.vpbx.sip.transport;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.timeout.IdleStateEvent;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes a SIP stream connection that is too slow or too quiet; one per connection, right after the framer.
 * <ul>
 *   <li>A message must be complete within the message timeout of its first byte ({@link MessagePending}
 *       from the framer starts the clock, the framed message stops it): slowloris connections end there.</li>
 *   <li>An accepted connection must deliver its first whole message within the message timeout of
 *       connecting (a TLS handshake included): connections opened only to hold a slot end there. Connections
 *       vpbx opened itself are exempt, since vpbx speaks first on them.</li>
 *   <li>The idle timeout ({@link IdleStateEvent} from an {@code IdleStateHandler} at the head of the pipeline,
 *       counting traffic either way) closes connections quiet for longer than any registration lasts.</li>
 * </ul>
 * Timers run on the channel's event loop, so tests drive them with {@code EmbeddedChannel.advanceTimeBy}.
 */
final class StreamDeadlineHandler extends ChannelDuplexHandler {

    private static final Logger log = LoggerFactory.getLogger(StreamDeadlineHandler.class);

    private final Duration messageTimeout;
    private final boolean accepted;
    private final Optional<ConnectionMetrics> metrics;
    private ScheduledFuture<?> deadline;
    private boolean spoken;

    /** @param accepted whether the peer connected to vpbx (and must speak first) rather than vpbx to the peer */
    StreamDeadlineHandler(Duration messageTimeout, boolean accepted, Optional<ConnectionMetrics> metrics) {
        this.messageTimeout = messageTimeout;
        this.accepted = accepted;
        this.metrics = metrics;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        if (accepted && ctx.channel().isActive()) {
            startClock(ctx);
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        if (accepted && !spoken) {
            startClock(ctx);
        }
        super.channelActive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object frame) throws Exception {
        spoken = true;
        stopClock();
        super.channelRead(ctx, frame);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event == MessagePending.INSTANCE) {
            startClock(ctx);
        } else if (event instanceof IdleStateEvent) {
            close(ctx, ConnectionMetrics.Closing.IDLE);
        } else {
            super.userEventTriggered(ctx, event);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        stopClock();
        super.channelInactive(ctx);
    }

    /** Starts timing a message unless one is timed already (its first byte came earlier). */
    private void startClock(ChannelHandlerContext ctx) {
        if (deadline == null) {
            deadline = ctx.executor().schedule(() -> close(ctx, ConnectionMetrics.Closing.MESSAGE_TIMEOUT),
                    messageTimeout.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    private void stopClock() {
        if (deadline != null) {
            deadline.cancel(false);
            deadline = null;
        }
    }

    private void close(ChannelHandlerContext ctx, ConnectionMetrics.Closing reason) {
        deadline = null;
        if (!ctx.channel().isActive()) {
            return;
        }
        metrics.ifPresent(counters -> counters.closed(reason));
        log.debug("closing SIP stream from {}: {}", ctx.channel().remoteAddress(), reason.tag());
        ctx.close();
    }
}
