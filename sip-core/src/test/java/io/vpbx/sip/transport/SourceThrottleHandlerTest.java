package io.vpbx.sip.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import io.vpbx.sip.DropReason;
import io.vpbx.sip.SipText;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SourceThrottleHandlerTest {

    private static final int RATE = 100;
    private static final int BURST = 3;
    private static final long ONE_REQUEST = 1_000_000_000L / RATE;
    private static final InetSocketAddress LOCAL = new InetSocketAddress("127.0.0.1", 5060);
    private static final InetSocketAddress FLOODER = new InetSocketAddress("198.51.100.7", 40123);
    private static final InetSocketAddress FLOODER_OTHER_PORT = new InetSocketAddress("198.51.100.7", 40999);
    private static final InetSocketAddress PHONE = new InetSocketAddress("203.0.113.20", 5062);

    private final AtomicLong now = new AtomicLong();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final SourceThrottleHandler handler = new SourceThrottleHandler(
            () -> new SourceThrottle(RATE, BURST, 100, now::get), new SipMetrics(registry));
    private final EmbeddedChannel udp = new EmbeddedChannel(handler);

    @AfterEach
    void finish() {
        udp.finishAndReleaseAll();
    }

    @Test
    void aFloodingSourceIsThrottledWhileAnotherSourceIsServed() {
        for (int i = 0; i < 10; i++) {
            udp.writeInbound(datagram(request("flood-" + i), FLOODER));
        }
        udp.writeInbound(datagram(request("phone"), PHONE));

        List<InetSocketAddress> passed = passed(udp);
        assertEquals(BURST, Collections.frequency(passed, FLOODER));
        assertEquals(List.of(PHONE), passed.subList(BURST, passed.size()));
        assertEquals(10 - BURST, throttled());
    }

    @Test
    void aSourceIsItsAddressWhateverItsPort() {
        udp.writeInbound(datagram(request("a"), FLOODER), datagram(request("b"), FLOODER_OTHER_PORT),
                datagram(request("c"), FLOODER), datagram(request("d"), FLOODER_OTHER_PORT));

        assertEquals(List.of(FLOODER, FLOODER_OTHER_PORT, FLOODER), passed(udp));
        assertEquals(1, throttled());
    }

    @Test
    void responsesFromAThrottledSourcePass() {
        for (int i = 0; i < 10; i++) {
            udp.writeInbound(datagram(request("flood-" + i), FLOODER));
        }
        udp.writeInbound(datagram("SIP/2.0 200 OK\r\nVia: x\r\n\r\n", FLOODER));
        udp.writeInbound(datagram("\r\n\r\nsip/2.0 180 Ringing\r\n\r\n", FLOODER));

        assertEquals(BURST + 2, passed(udp).size());
        assertEquals(10 - BURST, throttled());
    }

    @Test
    void acksCancelsAndRequestsWithinADialogAreNeverCountedNorDropped() {
        for (int i = 0; i < 10; i++) {
            udp.writeInbound(datagram(inDialog("ACK", "ack-" + i), FLOODER), datagram(inDialog("BYE", "bye-" + i), FLOODER),
                    datagram(cancel("cancel-" + i), FLOODER));
        }
        assertEquals(30, passed(udp).size());
        assertEquals(0, throttled());

        for (int i = 0; i < BURST + 2; i++) {
            udp.writeInbound(datagram(request("new-" + i), FLOODER));
        }
        assertEquals(BURST, passed(udp).size(), "the source's out-of-dialog budget is whole");
    }

    @Test
    void aTrunksAddressHasItsOwnHigherLimit() {
        SourceThrottleHandler withTrunk = new SourceThrottleHandler(() -> new SourceThrottle(RATE, BURST, 100, now::get),
                java.util.Optional.of(() -> new SourceThrottle(RATE, 3 * BURST, 100, now::get)),
                address -> address.equals(FLOODER.getAddress()), new SipMetrics(registry));
        EmbeddedChannel channel = new EmbeddedChannel(withTrunk);
        try {
            for (int i = 0; i < 20; i++) {
                channel.writeInbound(datagram(request("trunk-" + i), FLOODER), datagram(request("phone-" + i), PHONE));
            }
            List<InetSocketAddress> passed = passed(channel);
            assertEquals(3 * BURST, Collections.frequency(passed, FLOODER));
            assertEquals(BURST, Collections.frequency(passed, PHONE));
        } finally {
            channel.finishAndReleaseAll();
        }
    }

    @Test
    void aThrottledSourceIsServedAgainAsItsCreditComesBack() {
        for (int i = 0; i < BURST + 1; i++) {
            udp.writeInbound(datagram(request("r" + i), FLOODER));
        }
        assertEquals(BURST, passed(udp).size());

        now.addAndGet(ONE_REQUEST);
        udp.writeInbound(datagram(request("later-1"), FLOODER), datagram(request("later-2"), FLOODER));

        assertEquals(1, passed(udp).size());
        assertEquals(2, throttled());
    }

    @Test
    void throttledDatagramsAreReleased() {
        DatagramPacket last = null;
        for (int i = 0; i < BURST + 1; i++) {
            last = datagram(request("r" + i), FLOODER);
            udp.writeInbound(last);
        }
        passed(udp);

        assertEquals(0, last.refCnt());
    }

    @Test
    void onAStreamTheSourceIsTheConnectionsPeer() {
        EmbeddedChannel tcp = connection(FLOODER, handler);
        try {
            for (int i = 0; i < 10; i++) {
                tcp.writeInbound(frame(request("tcp-" + i)));
            }
            tcp.writeInbound(frame("SIP/2.0 100 Trying\r\n\r\n"));

            assertEquals(BURST + 1, released(tcp));
            assertEquals(10 - BURST, throttled());
        } finally {
            tcp.finishAndReleaseAll();
        }
    }

    @Test
    void eachEventLoopHasAThrottleOfItsOwn() {
        EmbeddedChannel tcp = connection(FLOODER, handler);
        try {
            udp.writeInbound(datagram(request("u1"), FLOODER), datagram(request("u2"), FLOODER),
                    datagram(request("u3"), FLOODER), datagram(request("u4"), FLOODER));
            tcp.writeInbound(frame(request("t1")));

            assertEquals(BURST, passed(udp).size());
            assertEquals(1, released(tcp), "the connection lives on another event loop, with its own budget");
        } finally {
            tcp.finishAndReleaseAll();
        }
    }

    @Test
    void otherMessagesPassUntouched() {
        Object event = new Object();
        udp.writeInbound(event);
        assertSame(event, udp.readInbound());
    }

    @Test
    void statusLinesAreToldFromTheFirstBytes() {
        assertTrue(isResponse("SIP/2.0 200 OK\r\n"));
        assertTrue(isResponse("\r\nSip/2.0 404 Not Found\r\n"));
        assertFalse(isResponse("INVITE sip:bob@example.com SIP/2.0\r\n"));
        assertFalse(isResponse("SIPX"));
        assertFalse(isResponse("SIP"));
        assertFalse(isResponse("\r\n\r\n"));
        assertFalse(isResponse(""));
    }

    private static boolean isResponse(String text) {
        ByteBuf content = Unpooled.copiedBuffer(text, StandardCharsets.ISO_8859_1);
        try {
            return SourceThrottleHandler.isResponse(content);
        } finally {
            content.release();
        }
    }

    /** Reads (and releases) every datagram that went on down the pipeline, giving their senders in order. */
    private static List<InetSocketAddress> passed(EmbeddedChannel channel) {
        List<InetSocketAddress> senders = new ArrayList<>();
        DatagramPacket packet;
        while ((packet = channel.readInbound()) != null) {
            senders.add(packet.sender());
            packet.release();
        }
        return senders;
    }

    private static int released(EmbeddedChannel channel) {
        int count = 0;
        ByteBuf frame;
        while ((frame = channel.readInbound()) != null) {
            count++;
            frame.release();
        }
        return count;
    }

    private double throttled() {
        return registry.get(SipMetrics.DROPPED).tag("reason", DropReason.THROTTLED.tag()).counter().count();
    }

    private static EmbeddedChannel connection(InetSocketAddress peer, ChannelHandler handler) {
        return new EmbeddedChannel(handler) {
            @Override
            protected SocketAddress remoteAddress0() {
                return peer;
            }
        };
    }

    private static String request(String callId) {
        return SipText.options("SIP/2.0/UDP 10.1.1.1:5060;branch=z9hG4bK" + callId, callId);
    }

    private static String inDialog(String method, String callId) {
        return method + " sip:b@10.0.0.2 SIP/2.0\nVia: SIP/2.0/UDP 10.1.1.1:5060;branch=z9hG4bK" + callId
                + "\nFrom: <sip:a@x>;tag=a\nTo: <sip:b@x>;tag=b\nCall-ID: " + callId + "\nCSeq: 2 " + method
                + "\nContent-Length: 0\n\n";
    }

    private static String cancel(String callId) {
        return "CANCEL sip:b@10.0.0.2 SIP/2.0\nVia: SIP/2.0/UDP 10.1.1.1:5060;branch=z9hG4bK" + callId
                + "\nFrom: <sip:a@x>;tag=a\nTo: <sip:b@x>\nCall-ID: " + callId + "\nCSeq: 1 CANCEL\nContent-Length: 0\n\n";
    }

    private static DatagramPacket datagram(String text, InetSocketAddress sender) {
        return new DatagramPacket(Unpooled.wrappedBuffer(SipText.crlf(text)), LOCAL, sender);
    }

    private static ByteBuf frame(String text) {
        return Unpooled.wrappedBuffer(SipText.crlf(text));
    }
}
