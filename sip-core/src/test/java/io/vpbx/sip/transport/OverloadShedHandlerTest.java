package io.vpbx.sip.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import io.vpbx.config.SipOverloadConfig;
import io.vpbx.sip.SipText;
import io.vpbx.sip.overload.LoadSample;
import io.vpbx.sip.overload.OverloadGovernor;
import io.vpbx.sip.overload.OverloadMetrics;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OverloadShedHandlerTest {
    private static final InetSocketAddress LOCAL = new InetSocketAddress("127.0.0.1", 5060);
    private static final InetSocketAddress CARRIER = new InetSocketAddress("198.51.100.7", 5060);

    private final OverloadGovernor governor = new OverloadGovernor(SipOverloadConfig.defaults());
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final EmbeddedChannel udp = new EmbeddedChannel(new OverloadShedHandler(governor,
            new OverloadMetrics(registry, governor)));

    @AfterEach
    void finish() {
        udp.finishAndReleaseAll();
    }

    @Test
    void farBehindMostNewInvitesAreDroppedUnreadAndEverythingElsePasses() {
        for (int i = 0; i < 20; i++) {
            governor.sample(new LoadSample(0, 60, 0));
        }
        for (int i = 0; i < 100; i++) {
            udp.writeInbound(datagram(request("INVITE", "To: <sip:b@x>", i)));
        }
        int passedInvites = drain();
        for (int i = 0; i < 10; i++) {
            udp.writeInbound(datagram(request("BYE", "To: <sip:b@x>;tag=t", i)), datagram(request("ACK", "To: <sip:b@x>", i)),
                    datagram(request("CANCEL", "To: <sip:b@x>", i)), datagram(request("REGISTER", "To: <sip:b@x>", i)),
                    datagram("SIP/2.0 200 OK\r\nVia: x\r\n\r\n"));
        }

        assertEquals(5, passedInvites, "the governor's lowest share");
        assertEquals(50, drain());
        assertEquals(95.0, registry.get("vpbx.sip.overload.dropped").counter().count());
    }

    @Test
    void whileOnlyRejectingNothingIsDroppedHere() {
        governor.sample(new LoadSample(0, 20, 0));
        for (int i = 0; i < 10; i++) {
            udp.writeInbound(datagram(request("INVITE", "To: <sip:b@x>", i)));
        }
        assertEquals(10, drain(), "the proxy answers them 503");
    }

    private int drain() {
        int count = 0;
        DatagramPacket packet;
        while ((packet = udp.readInbound()) != null) {
            count++;
            packet.release();
        }
        return count;
    }

    private static String request(String method, String to, int i) {
        return method + " sip:b@x SIP/2.0\nVia: SIP/2.0/UDP 10.0.0.1;branch=z9hG4bK" + i + "\nFrom: <sip:a@x>;tag=f\n" + to
                + "\nCall-ID: c" + i + "\nCSeq: 1 " + method + "\n\n";
    }

    private static DatagramPacket datagram(String text) {
        return new DatagramPacket(Unpooled.wrappedBuffer(SipText.crlf(text)), LOCAL, CARRIER);
    }
}
