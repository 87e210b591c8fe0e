package io.vpbx.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.uring.IoUring;
import io.vpbx.config.IoEngine;
import io.vpbx.config.ListenersConfig;
import io.vpbx.config.SipConfig;
import io.vpbx.sip.transport.SocketKind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every engine of {@code sip.io-engine} answers SIP over UDP and TCP alike, on real sockets. */
class SipIoEnginesTest {

    private static final String HOST = "127.0.0.1";
    private static final int TIMEOUT_MILLIS = 5000;

    private SipServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @ParameterizedTest
    @EnumSource(value = IoEngine.class, names = {"IO_URING", "EPOLL", "NIO"})
    void optionsIsAnsweredOverUdpAndTcp(IoEngine engine) throws IOException {
        assumeTrue(engine != IoEngine.IO_URING || IoUring.isAvailable(), "io_uring does not run on this machine");
        assumeTrue(engine != IoEngine.EPOLL || Epoll.isAvailable(), "epoll does not run on this machine");
        start(engine);

        assertEquals(engine.word(), server.ioEngine());
        try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(HOST, 0))) {
            udp.setSoTimeout(TIMEOUT_MILLIS);
            String via = "SIP/2.0/UDP " + HOST + ":" + udp.getLocalPort() + ";branch=z9hG4bKio" + engine.word();
            byte[] request = SipText.crlf(SipText.options(via, "udp-" + engine.word() + "@example.com"));
            udp.send(new DatagramPacket(request, request.length, InetAddress.getByName(HOST), server.udpPort()));
            DatagramPacket answer = new DatagramPacket(new byte[4096], 4096);
            udp.receive(answer);
            String text = new String(answer.getData(), 0, answer.getLength(), StandardCharsets.UTF_8);
            assertTrue(text.startsWith("SIP/2.0 200 OK\r\n"), text);
        }
        try (Socket tcp = new Socket(HOST, server.tcpPort())) {
            tcp.setSoTimeout(TIMEOUT_MILLIS);
            String via = "SIP/2.0/TCP " + HOST + ":" + tcp.getLocalPort() + ";branch=z9hG4bKio" + engine.word();
            tcp.getOutputStream().write(SipText.crlf(SipText.options(via, "tcp-" + engine.word() + "@example.com")));
            String text = readHead(tcp.getInputStream());
            assertTrue(text.startsWith("SIP/2.0 200 OK\r\n"), text);
            assertTrue(text.contains("Call-ID: tcp-" + engine.word() + "@example.com\r\n"), text);
        }
    }

    @Test
    void autoTakesEpollWhereItRunsAndIoUringOnlyByName() {
        String expected = Epoll.isAvailable() ? "epoll" : "nio";

        assertEquals(expected, SocketKind.of(IoEngine.AUTO).name());
    }

    @Test
    void anEngineAskedForByNameThatCannotRunStopsTheStartWithTheReason() {
        assumeTrue(!IoUring.isAvailable(), "io_uring runs here: nothing to refuse");

        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> SocketKind.of(IoEngine.IO_URING));

        assertTrue(failure.getMessage().startsWith("sip.io-engine=io_uring cannot run on this machine"), failure.getMessage());
    }

    private void start(IoEngine engine) {
        server = new SipServer(SipServerSettings.of(new SipConfig(HOST, 0, true, true, "vpbx.test", 4096))
                .withTls(new ListenersConfig(false, 0, true, false, 0, engine), Optional.empty()),
                new SimpleMeterRegistry(), SipServices.standalone(Optional.empty()), transition -> { });
        server.start();
    }

    /** The response's start line and headers, up to the empty line. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int last4 = 0;
        while (last4 != 0x0d0a0d0a) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
            last4 = (last4 << 8) | b;
        }
        return head.toString(StandardCharsets.UTF_8);
    }
}
