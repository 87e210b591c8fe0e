package io.vpbx.sip.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.DefaultChannelId;
import io.netty.channel.embedded.EmbeddedChannel;
import io.vpbx.config.SipTcpConfig;
import io.vpbx.sip.SipText;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The message and idle timeouts of a SIP stream, on the whole pipeline in memory with the channel's fake clock. */
class StreamDeadlineHandlerTest {

    private static final InetSocketAddress PEER = new InetSocketAddress("198.51.100.7", 40999);
    private static final String VIA = "SIP/2.0/TCP 198.51.100.7:40999;branch=z9hG4bK";
    private static final Duration MESSAGE_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration IDLE_TIMEOUT = Duration.ofMinutes(65);
    private static final SipTcpConfig LIMITS = new SipTcpConfig(10, 10, IDLE_TIMEOUT, MESSAGE_TIMEOUT);

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final SipMetrics metrics = new SipMetrics(registry);
    private final ConnectionMetrics connectionMetrics = new ConnectionMetrics(registry);
    private final Connections connections = new Connections(10, 10, connectionMetrics);
    private final List<String> received = new ArrayList<>();
    private final List<EmbeddedChannel> channels = new ArrayList<>();

    @AfterEach
    void finish() {
        channels.forEach(EmbeddedChannel::finishAndReleaseAll);
    }

    /** A connection a peer opened to a listener (it has the listener as parent), or one vpbx opened. */
    private EmbeddedChannel connection(boolean accepted) {
        SipStreamHandler handler = new SipStreamHandler(
                (message, flow) -> received.add(message), metrics, connections,
                new WriteBatch());
        SipChannelInitializer initializer = new SipChannelInitializer(handler, Optional.empty(), metrics, 4096, LIMITS,
                connectionMetrics);
        Channel listener = accepted ? new EmbeddedChannel() : null;
        EmbeddedChannel channel = new EmbeddedChannel(listener, DefaultChannelId.newInstance(), true, false, initializer) {
            @Override
            protected SocketAddress remoteAddress0() {
                return PEER;
            }
        };
        channels.add(channel);
        return channel;
    }

    private static void advance(EmbeddedChannel channel, Duration by) {
        channel.advanceTimeBy(by.toMillis(), TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
    }

    @Test
    void aMessageTrickledSlowerThanTheMessageTimeoutClosesTheConnection() {
        EmbeddedChannel channel = connection(true);
        byte[] options = SipText.crlf(SipText.options(VIA + "1", "slow@example.com"));
        channel.writeInbound(Unpooled.wrappedBuffer(Arrays.copyOf(options, 10)));
        // one byte a second: still arriving, never complete
        for (int i = 10; i < 29; i++) {
            advance(channel, Duration.ofSeconds(1));
            channel.writeInbound(Unpooled.wrappedBuffer(options, i, 1));
        }
        assertTrue(channel.isOpen());

        advance(channel, Duration.ofSeconds(1));

        assertFalse(channel.isOpen());
        assertTrue(received.isEmpty());
        assertEquals(1.0, closed(ConnectionMetrics.Closing.MESSAGE_TIMEOUT));
    }

    @Test
    void eachMessageHasItsOwnTimeFromItsFirstByte() {
        EmbeddedChannel channel = connection(true);
        byte[] first = SipText.crlf(SipText.options(VIA + "1", "first@example.com"));
        byte[] second = SipText.crlf(SipText.options(VIA + "2", "second@example.com"));
        channel.writeInbound(Unpooled.wrappedBuffer(first, 0, 10));
        advance(channel, MESSAGE_TIMEOUT.minusSeconds(1));
        channel.writeInbound(Unpooled.wrappedBuffer(Unpooled.wrappedBuffer(first, 10, first.length - 10),
                Unpooled.wrappedBuffer(second, 0, 10)));
        advance(channel, MESSAGE_TIMEOUT.minusSeconds(1));
        channel.writeInbound(Unpooled.wrappedBuffer(second, 10, second.length - 10));

        advance(channel, MESSAGE_TIMEOUT.multipliedBy(3));

        assertEquals(2, received.size());
        assertTrue(channel.isOpen(), "between messages only the idle timeout applies");
    }

    @Test
    void anAcceptedConnectionThatNeverSpeaksIsClosedAtTheMessageTimeout() {
        EmbeddedChannel channel = connection(true);
        advance(channel, MESSAGE_TIMEOUT.minusSeconds(1));
        assertTrue(channel.isOpen());

        advance(channel, Duration.ofSeconds(1));

        assertFalse(channel.isOpen());
        assertEquals(1.0, closed(ConnectionMetrics.Closing.MESSAGE_TIMEOUT));
        assertEquals(0, connections.size());
    }

    @Test
    void aConnectionVpbxOpenedWaitsForThePeerAndEndsOnlyWhenIdle() {
        EmbeddedChannel channel = connection(false);
        advance(channel, MESSAGE_TIMEOUT.multipliedBy(10));
        assertTrue(channel.isOpen(), "vpbx speaks first on connections it opens");

        advance(channel, IDLE_TIMEOUT);

        assertFalse(channel.isOpen());
        assertEquals(1.0, closed(ConnectionMetrics.Closing.IDLE));
    }

    @Test
    void keepAlivesOfARegisteredPhoneKeepItsConnectionOpenPastTheIdleTimeout() {
        EmbeddedChannel channel = connection(true);
        channel.writeInbound(Unpooled.wrappedBuffer(SipText.crlf(SipText.options(VIA + "1", "register@example.com"))));
        // RFC 5626 section 4.4.1: a CRLFCRLF ping every couple of minutes
        for (int minute = 0; minute < 3 * 65; minute += 2) {
            advance(channel, Duration.ofMinutes(2));
            channel.writeInbound(Unpooled.wrappedBuffer("\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
        }
        assertTrue(channel.isOpen());

        advance(channel, IDLE_TIMEOUT);

        assertFalse(channel.isOpen());
        assertEquals(1.0, closed(ConnectionMetrics.Closing.IDLE));
        assertEquals(0.0, closed(ConnectionMetrics.Closing.MESSAGE_TIMEOUT));
    }

    @Test
    void connectionsBeyondTheCapFromOneSourceAreRefusedAndCounted() {
        Connections capped = new Connections(10, 2, connectionMetrics);
        EmbeddedChannel first = fromPeer(40001);
        EmbeddedChannel second = fromPeer(40002);
        EmbeddedChannel third = fromPeer(40003);
        channels.addAll(List.of(first, second, third));

        assertTrue(capped.opened(first));
        assertTrue(capped.opened(second));
        assertFalse(capped.opened(third));
        assertFalse(third.isOpen());
        assertEquals(1.0, registry.get(ConnectionMetrics.REFUSED).tag("reason", "per_source").counter().count());
        capped.closed(first);
        capped.closed(third);
        assertEquals(1, capped.size());
    }

    private static EmbeddedChannel fromPeer(int port) {
        return new EmbeddedChannel() {
            @Override
            protected SocketAddress remoteAddress0() {
                return new InetSocketAddress(PEER.getAddress(), port);
            }
        };
    }

    private double closed(ConnectionMetrics.Closing reason) {
        return registry.get(ConnectionMetrics.CLOSED).tag("reason", reason.tag()).counter().count();
    }
}
