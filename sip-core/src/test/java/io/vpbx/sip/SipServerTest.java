package io.vpbx.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vpbx.config.SipConfig;
import io.vpbx.sip.transport.SipMetrics;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The server on real sockets, talked to with plain JDK sockets. */
class SipServerTest {

    private static final String HOST = "127.0.0.1";
    private static final int TIMEOUT_MILLIS = 5000;
    private static final int MAX_MESSAGE_BYTES = 4096;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private SipServer server;

    @BeforeEach
    void start() {
        server = new SipServer(new SipConfig(HOST, 0, true, true, "vpbx.test", MAX_MESSAGE_BYTES), registry);
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void udpAndTcpShareOneFreePort() {
        assertTrue(server.udpPort() > 0);
        assertEquals(server.udpPort(), server.tcpPort());
    }

    @Test
    void udpOptionsIsAnsweredAfterGarbage() throws IOException {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getByName(HOST))) {
            socket.setSoTimeout(TIMEOUT_MILLIS);
            String via = "SIP/2.0/UDP " + HOST + ":" + socket.getLocalPort() + ";branch=z9hG4bKudp1;rport";

            String first = exchange(socket, SipText.crlf(SipText.options(via, "udp1@example.com")));
            send(socket, "\u0000\u0001garbage, not SIP".getBytes(StandardCharsets.ISO_8859_1));
            String second = exchange(socket, SipText.crlf(SipText.options(via.replace("udp1", "udp2"), "udp2@example.com")));

            assertTrue(first.startsWith("SIP/2.0 200 OK\r\n"), first);
            assertTrue(first.contains("Via: " + via + "=" + socket.getLocalPort() + ";received=" + HOST + "\r\n"), first);
            assertTrue(first.contains("Call-ID: udp1@example.com\r\n"), first);
            assertTrue(second.startsWith("SIP/2.0 200 OK\r\n"), second);
            assertTrue(second.contains("Call-ID: udp2@example.com\r\n"), second);
        }
        assertEquals(2.0, messages("udp", SipMetrics.ANSWERED));
        assertEquals(1.0, dropped(DropReason.MALFORMED));
    }

    @Test
    void tcpOptionsIsAnsweredAfterGarbageOnTheSameConnection() throws IOException {
        try (Socket socket = new Socket(HOST, server.tcpPort())) {
            socket.setSoTimeout(TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            String via = "SIP/2.0/TCP " + HOST + ":" + socket.getLocalPort() + ";branch=z9hG4bKtcp";

            out.write(SipText.crlf(SipText.options(via + "1", "tcp1@example.com")));
            out.flush();
            String first = readResponse(in);
            out.write(SipText.crlf("this is not SIP\n\n"));
            out.write(SipText.crlf(SipText.options(via + "2", "tcp2@example.com")));
            out.flush();
            String second = readResponse(in);

            assertTrue(first.startsWith("SIP/2.0 200 OK\r\n"), first);
            assertTrue(first.contains("Via: " + via + "1\r\n"), first);
            assertTrue(first.contains("Call-ID: tcp1@example.com\r\n"), first);
            assertTrue(second.startsWith("SIP/2.0 200 OK\r\n"), second);
            assertTrue(second.contains("Call-ID: tcp2@example.com\r\n"), second);
        }
        assertEquals(2.0, messages("tcp", SipMetrics.ANSWERED));
        assertEquals(1.0, dropped(DropReason.MALFORMED));
    }

    @Test
    void anOversizedTcpMessageClosesThatConnectionOnly() throws IOException {
        try (Socket socket = new Socket(HOST, server.tcpPort())) {
            socket.setSoTimeout(TIMEOUT_MILLIS);
            // Exactly the limit: the server has read everything when it closes, so the close is a FIN, not a reset.
            byte[] endless = new byte[MAX_MESSAGE_BYTES];
            Arrays.fill(endless, (byte) 'x');
            socket.getOutputStream().write(endless);

            assertEquals(-1, readUntilClosed(socket.getInputStream()));
        }
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getByName(HOST))) {
            socket.setSoTimeout(TIMEOUT_MILLIS);
            String via = "SIP/2.0/UDP " + HOST + ":" + socket.getLocalPort() + ";branch=z9hG4bKafter";
            assertTrue(exchange(socket, SipText.crlf(SipText.options(via, "after@example.com"))).startsWith("SIP/2.0 200 OK"));
        }
        assertEquals(1.0, dropped(DropReason.OVERSIZED));
    }

    @Test
    void anOversizedDatagramIsDroppedAndTheNextOneAnswered() throws IOException {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getByName(HOST))) {
            socket.setSoTimeout(TIMEOUT_MILLIS);
            String via = "SIP/2.0/UDP " + HOST + ":" + socket.getLocalPort() + ";branch=z9hG4bKbig";
            byte[] big = SipText.crlf(SipText.options(via, "big@example.com")
                    .replace("Accept: application/sdp", "X-Pad: " + "p".repeat(MAX_MESSAGE_BYTES)));

            send(socket, big);
            String next = exchange(socket, SipText.crlf(SipText.options(via.replace("big", "next"), "next@example.com")));

            assertTrue(next.startsWith("SIP/2.0 200 OK\r\n") && next.contains("Call-ID: next@example.com\r\n"), next);
        }
        assertEquals(1.0, dropped(DropReason.OVERSIZED));
        assertEquals(1.0, messages("udp", SipMetrics.ANSWERED));
    }

    @Test
    void closeReleasesThePorts() throws IOException {
        int port = server.udpPort();

        server.close();

        assertEquals(-1, server.udpPort());
        try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(HOST, port));
                ServerSocket tcp = new ServerSocket()) {
            tcp.setReuseAddress(true);
            tcp.bind(new InetSocketAddress(HOST, port));
            assertEquals(port, udp.getLocalPort());
            assertEquals(port, tcp.getLocalPort());
        }
    }

    @Test
    void aTakenPortFailsStartWithItsNumber() throws IOException {
        try (DatagramSocket taken = new DatagramSocket(0, InetAddress.getByName(HOST))) {
            SipServer second = new SipServer(
                    new SipConfig(HOST, taken.getLocalPort(), true, false, "vpbx.test", MAX_MESSAGE_BYTES), new SimpleMeterRegistry());

            IllegalStateException failure = assertThrows(IllegalStateException.class, second::start);

            assertTrue(failure.getMessage().contains(":" + taken.getLocalPort()), failure.getMessage());
            assertEquals(-1, second.udpPort());
        }
    }

    @Test
    void onlyTheConfiguredTransportIsBound() {
        SipServer udpOnly = new SipServer(new SipConfig(HOST, 0, true, false, "vpbx.test", MAX_MESSAGE_BYTES), new SimpleMeterRegistry());
        udpOnly.start();
        try {
            assertTrue(udpOnly.udpPort() > 0);
            assertEquals(-1, udpOnly.tcpPort());
        } finally {
            udpOnly.close();
        }
    }

    private double messages(String transport, String outcome) {
        return registry.get(SipMetrics.MESSAGES).tag("transport", transport).tag("outcome", outcome).counter().count();
    }

    private double dropped(DropReason reason) {
        return registry.get(SipMetrics.DROPPED).tag("reason", reason.tag()).counter().count();
    }

    private String exchange(DatagramSocket socket, byte[] request) throws IOException {
        send(socket, request);
        DatagramPacket response = new DatagramPacket(new byte[65535], 65535);
        socket.receive(response);
        return new String(response.getData(), 0, response.getLength(), StandardCharsets.UTF_8);
    }

    private void send(DatagramSocket socket, byte[] bytes) throws IOException {
        socket.send(new DatagramPacket(bytes, bytes.length, new InetSocketAddress(HOST, server.udpPort())));
    }

    /** Reads one response without a body: up to and including the empty line. */
    private static String readResponse(InputStream in) throws IOException {
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        while (!response.toString(StandardCharsets.UTF_8).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed after " + response.toString(StandardCharsets.UTF_8));
            }
            response.write(b);
        }
        return response.toString(StandardCharsets.UTF_8);
    }

    private static int readUntilClosed(InputStream in) throws IOException {
        int b;
        do {
            b = in.read();
        } while (b >= 0);
        return b;
    }
}
