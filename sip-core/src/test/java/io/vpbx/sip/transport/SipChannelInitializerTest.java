package io.vpbx.sip.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.vpbx.sip.DropReason;
import io.vpbx.sip.SipText;
import io.vpbx.sip.proxy.Flow;
import io.vpbx.sip.wire.WireMessage;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The TCP pipeline as a whole, in memory: framing, the throttle, then the core with the connection as flow. */
class SipChannelInitializerTest {

    private static final InetSocketAddress PEER = new InetSocketAddress("198.51.100.7", 40999);
    private static final String VIA = "SIP/2.0/TCP 198.51.100.7:40999;branch=z9hG4bK";
    private static final int BURST = 2;

    private record Received(String message, Flow flow) {
    }

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final SipMetrics metrics = new SipMetrics(registry);
    private final Connections connections = new Connections(10);
    private final List<Received> received = new ArrayList<>();
    private final List<EmbeddedChannel> channels = new ArrayList<>();

    @AfterEach
    void finish() {
        channels.forEach(EmbeddedChannel::finishAndReleaseAll);
    }

    private EmbeddedChannel connection(Optional<SourceThrottleHandler> throttle) {
        SipStreamHandler handler = new SipStreamHandler(
                (message, flow) -> received.add(new Received(message, flow)),
                metrics, connections, new WriteBatch());
        EmbeddedChannel channel = new EmbeddedChannel(new SipChannelInitializer(handler, throttle, metrics, 2048)) {
            @Override
            protected SocketAddress remoteAddress0() {
                return PEER;
            }
        };
        channels.add(channel);
        return channel;
    }

    @Test
    void everyFramedMessageReachesTheCoreInOrderWithTheConnectionAsItsFlow() {
        EmbeddedChannel channel = connection(Optional.empty());
        byte[] options = SipText.crlf(SipText.options(VIA + "1", "first@example.com"));
        byte[] invite = SipText.crlf(SipText.options(VIA + "2", "second@example.com").replace("OPTIONS", "INVITE"));
        byte[] ack = SipText.crlf(SipText.options(VIA + "3", "second@example.com").replace("OPTIONS", "ACK"));
        byte[] keepAlive = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

        // the ACK arrives in two pieces: the framer holds the first until the rest comes
        channel.writeInbound(Unpooled.wrappedBuffer(options, keepAlive, invite, java.util.Arrays.copyOf(ack, 20)));
        channel.writeInbound(Unpooled.wrappedBuffer(ack, 20, ack.length - 20));

        assertEquals(List.of("first@example.com", "second@example.com", "second@example.com"),
                received.stream().map(r -> WireMessage.parse(r.message().getBytes(StandardCharsets.ISO_8859_1)).callId()).toList());
        assertTrue(received.get(2).message().startsWith("ACK "));
        Flow flow = received.get(0).flow();
        assertEquals(PEER, flow.remote());
        assertEquals("TCP", flow.transport());
        assertTrue(flow.reliable(), "TCP needs no retransmissions");
        assertEquals(3.0, messages("tcp"));
        assertTrue(channel.isOpen());
    }

    @Test
    void aReplyGoesBackOnTheSameConnection() {
        EmbeddedChannel channel = connection(Optional.empty());
        channel.writeInbound(Unpooled.wrappedBuffer(SipText.crlf(SipText.options(VIA + "1", "reply@example.com"))));
        byte[] reply = SipText.crlf("SIP/2.0 200 OK\nVia: " + VIA + "1\nFrom: <sip:a@example.com>;tag=1\n"
                + "To: <sip:b@example.com>;tag=2\nCall-ID: reply@example.com\nCSeq: 1 OPTIONS\nContent-Length: 0\n\n");

        received.get(0).flow().send(WireMessage.parse(reply));

        ByteBuf written = channel.readOutbound();
        try {
            assertEquals(new String(reply, StandardCharsets.ISO_8859_1), written.toString(StandardCharsets.ISO_8859_1));
        } finally {
            written.release();
        }
    }

    @Test
    void theConnectionIsKnownByItsPeerWhileOpenSoThatRequestsToThePeerReuseIt() {
        EmbeddedChannel channel = connection(Optional.empty());

        assertSame(channel, connections.to(PEER));

        channel.close();
        assertNull(connections.to(PEER));
        assertEquals(0, connections.size());
    }

    @Test
    void anOversizedMessageClosesTheConnectionAndIsCounted() {
        EmbeddedChannel channel = connection(Optional.empty());
        byte[] big = SipText.crlf(SipText.options(VIA + "1", "big@example.com").replace("Accept: application/sdp",
                "X-Pad: " + "p".repeat(3000)));

        channel.writeInbound(Unpooled.wrappedBuffer(big));

        assertTrue(received.isEmpty());
        assertFalse(channel.isOpen());
        assertEquals(1.0, registry.get(SipMetrics.DROPPED).tag("reason", DropReason.OVERSIZED.tag()).counter().count());
    }

    @Test
    void theThrottleSitsBetweenTheFramerAndTheCoreAndLetsResponsesThrough() {
        long[] now = {0};
        SourceThrottleHandler throttle = new SourceThrottleHandler(() -> new SourceThrottle(1, BURST, 10, () -> now[0]), metrics);
        EmbeddedChannel channel = connection(Optional.of(throttle));
        byte[] response = SipText.crlf("SIP/2.0 180 Ringing\nVia: " + VIA + "9\nFrom: <sip:a@example.com>;tag=1\n"
                + "To: <sip:b@example.com>;tag=2\nCall-ID: r@example.com\nCSeq: 1 INVITE\nContent-Length: 0\n\n");

        assertEquals(List.of("framer", "throttle", "sip"), channel.pipeline().names().subList(0, 3));
        // five requests in one TCP segment: the framer splits them, the throttle judges each
        List<byte[]> segment = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            segment.add(SipText.crlf(SipText.options(VIA + i, "flood-" + i + "@example.com")));
        }
        segment.add(response);
        channel.writeInbound(Unpooled.wrappedBuffer(segment.toArray(new byte[0][])));

        assertEquals(List.of("flood-0@example.com", "flood-1@example.com", "r@example.com"),
                received.stream().map(r -> WireMessage.parse(r.message().getBytes(StandardCharsets.ISO_8859_1)).callId()).toList());
        assertEquals(3.0, registry.get(SipMetrics.DROPPED).tag("reason", DropReason.THROTTLED.tag()).counter().count());
        assertEquals(3.0, messages("tcp"), "throttled requests never reach the core");
        assertTrue(channel.isOpen(), "a throttled source keeps its connection");
    }

    private double messages(String transport) {
        return registry.get(SipMetrics.MESSAGES).tag("transport", transport).counter().count();
    }
}
