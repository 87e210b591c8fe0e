package io.vpbx.sip.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import io.vpbx.sip.DropReason;
import io.vpbx.sip.SipText;
import io.vpbx.sip.StatelessResponder;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SipDatagramHandlerTest {

    private static final int MAX_MESSAGE_BYTES = 1024;
    private static final InetSocketAddress LOCAL = new InetSocketAddress("127.0.0.1", 5060);
    private static final InetSocketAddress PEER = new InetSocketAddress("198.51.100.7", 40123);

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final EmbeddedChannel channel = new EmbeddedChannel(
            new SipDatagramHandler(new StatelessResponder("vpbx-test"), new SipMetrics(registry), MAX_MESSAGE_BYTES));

    @AfterEach
    void finish() {
        channel.finishAndReleaseAll();
    }

    @Test
    void theReplyGoesToTheSourceOfTheDatagram() {
        String via = "SIP/2.0/UDP 10.1.1.1:5060;branch=z9hG4bK9;rport";
        channel.writeInbound(datagram(SipText.crlf(SipText.options(via, "udp@example.com"))));

        DatagramPacket reply = channel.readOutbound();
        try {
            assertEquals(PEER, reply.recipient());
            String text = reply.content().toString(StandardCharsets.UTF_8);
            assertTrue(text.startsWith("SIP/2.0 200 OK\r\n"), text);
            assertTrue(text.contains("Via: SIP/2.0/UDP 10.1.1.1:5060;branch=z9hG4bK9;rport=40123;received=198.51.100.7\r\n"), text);
        } finally {
            reply.release();
        }
        assertEquals(1.0, messages("udp", SipMetrics.ANSWERED));
    }

    @Test
    void oversizedDatagramsAreDroppedAndCounted() {
        byte[] big = SipText.crlf(SipText.options("SIP/2.0/UDP 10.1.1.1;branch=z9hG4bK9", "big@example.com")
                .replace("Accept: application/sdp", "X-Pad: " + "p".repeat(MAX_MESSAGE_BYTES)));

        channel.writeInbound(datagram(big));

        assertNull(channel.readOutbound());
        assertEquals(1.0, registry.get(SipMetrics.DROPPED).tag("reason", DropReason.OVERSIZED.tag()).counter().count());
        assertEquals(0.0, messages("udp", SipMetrics.IGNORED));
    }

    @Test
    void garbageIsCountedAndTheChannelKeepsServing() {
        channel.writeInbound(datagram("not sip at all".getBytes(StandardCharsets.US_ASCII)));
        assertNull(channel.readOutbound());

        channel.writeInbound(datagram(SipText.crlf(SipText.options("SIP/2.0/UDP 198.51.100.7:40123;branch=z9hG4bK1", "x"))));

        DatagramPacket reply = channel.readOutbound();
        reply.release();
        assertTrue(channel.isOpen());
        assertEquals(1.0, registry.get(SipMetrics.DROPPED).tag("reason", DropReason.MALFORMED.tag()).counter().count());
        assertEquals(1.0, messages("udp", SipMetrics.IGNORED));
        assertEquals(1.0, messages("udp", SipMetrics.ANSWERED));
    }

    private double messages(String transport, String outcome) {
        return registry.get(SipMetrics.MESSAGES).tag("transport", transport).tag("outcome", outcome).counter().count();
    }

    private static DatagramPacket datagram(byte[] bytes) {
        return new DatagramPacket(Unpooled.wrappedBuffer(bytes), LOCAL, PEER);
    }
}
