package io.vpbx.sip.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.vpbx.sip.SipText;
import io.vpbx.sip.StatelessResponder;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The TCP pipeline as a whole: framing, then answers written back on the same connection. */
class SipChannelInitializerTest {

    private static final InetSocketAddress PEER = new InetSocketAddress("198.51.100.7", 40999);

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final EmbeddedChannel channel = new EmbeddedChannel(
            new SipChannelInitializer(new StatelessResponder("vpbx-test"), new SipMetrics(registry), 2048)) {
        @Override
        protected SocketAddress remoteAddress0() {
            return PEER;
        }
    };

    @AfterEach
    void finish() {
        channel.finishAndReleaseAll();
    }

    @Test
    void everyFramedRequestIsAnsweredInOrder() {
        String via = "SIP/2.0/TCP 198.51.100.7:40999;branch=z9hG4bK";
        byte[] options = SipText.crlf(SipText.options(via + "1", "first@example.com"));
        byte[] invite = SipText.crlf(SipText.options(via + "2", "second@example.com").replace("OPTIONS", "INVITE"));
        byte[] ack = SipText.crlf(SipText.options(via + "3", "second@example.com").replace("OPTIONS", "ACK"));

        channel.writeInbound(Unpooled.wrappedBuffer(options, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), invite, ack));

        String first = reply();
        String second = reply();
        assertNull(channel.readOutbound(), "ACK gets no answer");
        assertTrue(first.startsWith("SIP/2.0 200 OK\r\n") && first.contains("Call-ID: first@example.com"), first);
        assertTrue(second.startsWith("SIP/2.0 501 ") && second.contains("Call-ID: second@example.com"), second);
        assertEquals(2.0, messages(SipMetrics.ANSWERED));
        assertEquals(1.0, messages(SipMetrics.IGNORED));
        assertTrue(channel.isOpen());
    }

    private String reply() {
        ByteBuf reply = channel.readOutbound();
        try {
            return reply.toString(StandardCharsets.UTF_8);
        } finally {
            reply.release();
        }
    }

    private double messages(String outcome) {
        return registry.get(SipMetrics.MESSAGES).tag("transport", "tcp").tag("outcome", outcome).counter().count();
    }
}
