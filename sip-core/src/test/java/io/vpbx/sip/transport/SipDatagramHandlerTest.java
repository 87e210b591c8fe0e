package io.vpbx.sip.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import io.vpbx.sip.DropReason;
import io.vpbx.sip.SipText;
import io.vpbx.sip.proxy.Flow;
import io.vpbx.sip.proxy.SipReceiver;
import io.vpbx.sip.wire.WireMessage;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** UDP input in memory: what reaches the SIP core, with which flow, and how replies leave. */
class SipDatagramHandlerTest {

    private static final int MAX_MESSAGE_BYTES = 1024;
    private static final InetSocketAddress LOCAL = new InetSocketAddress("127.0.0.1", 5060);
    private static final InetSocketAddress PEER = new InetSocketAddress("198.51.100.7", 40123);
    private static final InetSocketAddress OTHER_PEER = new InetSocketAddress("203.0.113.9", 5062);
    private static final byte[] OPTIONS = SipText.crlf(SipText.options("SIP/2.0/UDP 10.1.1.1;branch=z9hG4bK9", "u@example.com"));
    private static final byte[] REPLY = SipText.crlf("SIP/2.0 200 OK\nVia: SIP/2.0/UDP 10.1.1.1;branch=z9hG4bK9\n"
            + "From: <sip:a@example.com>;tag=1\nTo: <sip:b@example.com>;tag=2\nCall-ID: u@example.com\n"
            + "CSeq: 1 OPTIONS\nContent-Length: 0\n\n");

    private record Received(String message, Flow flow) {
    }

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<Received> received = new ArrayList<>();
    /** What the receiver does with each message; by default nothing. */
    private SipReceiver behaviour = (message, flow) -> { };
    private final EmbeddedChannel channel = new EmbeddedChannel(new SipDatagramHandler((message, flow) -> {
        received.add(new Received(message, flow));
        behaviour.receive(message, flow);
    }, new SipMetrics(registry), MAX_MESSAGE_BYTES, new WriteBatch()));

    @AfterEach
    void finish() {
        channel.finishAndReleaseAll();
    }

    @Test
    void eachDatagramReachesTheCoreWithAFlowBackToItsSender() {
        channel.writeInbound(datagram(OPTIONS, PEER), datagram(OPTIONS, OTHER_PEER));

        assertEquals(2, received.size());
        assertEquals(new String(OPTIONS, StandardCharsets.ISO_8859_1),
                received.get(0).message());
        Flow flow = received.get(0).flow();
        assertEquals(PEER, flow.remote());
        assertEquals("UDP", flow.transport());
        assertFalse(flow.reliable(), "UDP needs the retransmission timers");
        assertEquals(OTHER_PEER, received.get(1).flow().remote());
        assertEquals(2.0, messages("udp"));
        assertEquals(0.0, messages("tcp"));
    }

    @Test
    void repliesMadeWhileReadingGoToTheSenderAndAreFlushedOnceAtTheEndOfTheBurst() {
        List<Integer> flushedWhileReading = new ArrayList<>();
        behaviour = (message, flow) -> {
            flow.send(WireMessage.parse(REPLY));
            flushedWhileReading.add(channel.outboundMessages().size());
        };

        channel.writeInbound(datagram(OPTIONS, PEER), datagram(OPTIONS, OTHER_PEER));

        assertEquals(List.of(0, 0), flushedWhileReading, "nothing is flushed before the read burst ends");
        assertReply(PEER);
        assertReply(OTHER_PEER);
        assertNull(channel.readOutbound());
    }

    @Test
    void aSendOutsideAReadBurstIsFlushedAtOnce() {
        channel.writeInbound(datagram(OPTIONS, PEER));
        Flow flow = received.get(0).flow();

        // as a retransmission timer would, after the read that brought the request has completed
        flow.send(WireMessage.parse(REPLY));

        assertReply(PEER);
    }

    @Test
    void oversizedDatagramsAreDroppedUnreadAndCounted() {
        byte[] big = SipText.crlf(SipText.options("SIP/2.0/UDP 10.1.1.1;branch=z9hG4bK9", "big@example.com")
                .replace("Accept: application/sdp", "X-Pad: " + "p".repeat(MAX_MESSAGE_BYTES)));
        byte[] exactlyTheLimit = new byte[MAX_MESSAGE_BYTES];

        channel.writeInbound(datagram(big, PEER), datagram(exactlyTheLimit, PEER));

        assertEquals(1, received.size(), "a datagram of exactly the limit is still a message");
        assertEquals(MAX_MESSAGE_BYTES, received.get(0).message().length());
        assertEquals(1.0, registry.get(SipMetrics.DROPPED).tag("reason", DropReason.OVERSIZED.tag()).counter().count());
        assertEquals(1.0, messages("udp"));
    }

    @Test
    void aFailureInTheCoreDoesNotCloseTheSocketEveryPeerShares() {
        behaviour = (message, flow) -> {
            if (flow.remote().equals(PEER)) {
                throw new IllegalStateException("a bug while handling one message");
            }
        };

        channel.writeInbound(datagram(OPTIONS, PEER));
        channel.writeInbound(datagram(OPTIONS, OTHER_PEER));

        assertTrue(channel.isOpen());
        assertEquals(2, received.size());
        channel.checkException();
    }

    private void assertReply(InetSocketAddress to) {
        DatagramPacket reply = channel.readOutbound();
        try {
            assertEquals(to, reply.recipient());
            assertEquals(new String(REPLY, StandardCharsets.ISO_8859_1), reply.content().toString(StandardCharsets.ISO_8859_1));
        } finally {
            reply.release();
        }
    }

    private double messages(String transport) {
        return registry.get(SipMetrics.MESSAGES).tag("transport", transport).counter().count();
    }

    private static DatagramPacket datagram(byte[] bytes, InetSocketAddress sender) {
        return new DatagramPacket(Unpooled.wrappedBuffer(bytes), LOCAL, sender);
    }
}
