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
import org.junit.jupiter.api.Test;

/** The server on real sockets, talked to with plain JDK sockets. */
class SipServerTest {

    private static final String HOST = "127.0.0.1";
    /** Another loopback address: a second source IP on the same machine. */
    private static final String OTHER_HOST = "127.0.0.2";
    private static final int TIMEOUT_MILLIS = 5000;
    private static final int MAX_MESSAGE_BYTES = 4096;
    private static final int MAX_HEADERS = SipConfig.MIN_HEADERS;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private SipServer server;

    /** The server with the documented default limits, both transports. */
    private void start() {
        start(new SipConfig(HOST, 0, true, true, "vpbx.test", MAX_MESSAGE_BYTES));
    }

    private void start(SipConfig config) {
        server = new SipServer(config, registry);
        server.start();
    }

    /** A configuration with its own header limit and per-source rate and burst. */
    private static SipConfig limited(int perSourceRate, int perSourceBurst) {
        return new SipConfig(HOST, 0, true, true, "vpbx.test", MAX_MESSAGE_BYTES, MAX_HEADERS, perSourceRate, perSourceBurst,
                100, 1000, "");
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void udpAndTcpShareOneFreePort() {
        start();

        assertTrue(server.udpPort() > 0);
        assertEquals(server.udpPort(), server.tcpPort());
    }

    @Test
    void udpOptionsIsAnsweredWithTheCapabilitiesAfterGarbage() throws IOException {
        start();
        try (DatagramSocket socket = udpSocket(HOST)) {
            String via = "SIP/2.0/UDP " + HOST + ":" + socket.getLocalPort() + ";branch=z9hG4bKudp1;rport";

            String first = exchange(socket, SipText.crlf(SipText.options(via, "udp1@example.com")));
            send(socket, "\u0000\u0001garbage, not SIP".getBytes(StandardCharsets.ISO_8859_1));
            String second = exchange(socket, SipText.crlf(SipText.options(via.replace("udp1", "udp2"), "udp2@example.com")));

            assertTrue(first.startsWith("SIP/2.0 200 OK\r\n"), first);
            assertTrue(first.contains("Via: " + via + "=" + socket.getLocalPort() + ";received=" + HOST + "\r\n"), first);
            assertTrue(first.contains("Call-ID: udp1@example.com\r\n"), first);
            assertTrue(first.contains("\r\nAllow: OPTIONS\r\n"), "no registrar, so no REGISTER: " + first);
            assertTrue(first.contains("\r\nAccept: application/sdp\r\n"), first);
            assertTrue(first.contains("\r\nSupported:\r\n"), first);
            assertTrue(first.contains("\r\nServer: vpbx\r\n"), first);
            assertTrue(second.startsWith("SIP/2.0 200 OK\r\n"), second);
            assertTrue(second.contains("Call-ID: udp2@example.com\r\n"), second);
        }
        assertEquals(3.0, messages("udp"), "every datagram reaches the core, garbage too");
        assertEquals(1.0, dropped(DropReason.MALFORMED));
    }

    @Test
    void tcpOptionsIsAnsweredAfterGarbageOnTheSameConnection() throws IOException {
        start();
        try (Socket socket = tcpSocket(HOST)) {
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
        assertEquals(3.0, messages("tcp"));
        assertEquals(0.0, messages("udp"));
        assertEquals(1.0, dropped(DropReason.MALFORMED));
    }

    @Test
    void aMalformedRequestGets400NamingTheProblem() throws IOException {
        start();
        try (DatagramSocket socket = udpSocket(HOST)) {
            String via = "SIP/2.0/UDP " + HOST + ":" + socket.getLocalPort() + ";branch=z9hG4bKbad";
            byte[] noCallId = SipText.crlf(SipText.options(via, "gone@example.com").replace("Call-ID: gone@example.com\n", ""));

            String response = exchange(socket, noCallId);

            assertTrue(response.startsWith("SIP/2.0 400 Bad Request (missing Call-ID)\r\n"), response);
            assertTrue(response.contains("Via: " + via + "\r\n"), response);
            assertTrue(response.contains("CSeq: 63104 OPTIONS\r\n"), response);
        }
    }

    @Test
    void registerGets501WithoutARegistrar() throws IOException {
        start();
        try (DatagramSocket socket = udpSocket(HOST)) {
            String via = "SIP/2.0/UDP " + HOST + ":" + socket.getLocalPort() + ";branch=z9hG4bKreg";
            byte[] register = SipText.crlf(SipText.options(via, "reg@example.com").replace("OPTIONS", "REGISTER"));

            String response = exchange(socket, register);

            assertTrue(response.startsWith("SIP/2.0 501 "), response);
            assertTrue(response.contains("CSeq: 63104 REGISTER\r\n"), response);
        }
    }

    @Test
    void anInviteFromASourceThatIsNoTrunkMustAuthenticate() throws IOException {
        start();
        try (DatagramSocket socket = udpSocket(HOST)) {
            String via = "SIP/2.0/UDP " + HOST + ":" + socket.getLocalPort() + ";branch=z9hG4bKinv";
            String invite = """
                    INVITE sip:+74951230001@vpbx.test SIP/2.0
                    Via: %s
                    Max-Forwards: 70
                    To: <sip:+74951230001@vpbx.test>
                    From: <sip:+74951230002@vpbx.test>;tag=caller
                    Call-ID: outbound@example.com
                    CSeq: 1 INVITE
                    Contact: <sip:phone@%s:%d>
                    Content-Length: 0

                    """.formatted(via, HOST, socket.getLocalPort());

            String trying = exchange(socket, SipText.crlf(invite));
            String challenge = receive(socket);

            assertTrue(trying.startsWith("SIP/2.0 100 Trying\r\n"), trying);
            assertTrue(challenge.startsWith("SIP/2.0 407 Proxy Authentication Required\r\n"), challenge);
            assertTrue(challenge.contains("\r\nProxy-Authenticate: Digest "), challenge);
            assertTrue(challenge.contains("realm=\"vpbx.test\""), challenge);
            assertTrue(challenge.contains("Call-ID: outbound@example.com\r\n"), challenge);
            // the ACK for the 407 ends the server transaction's retransmissions
            String toWithTag = line(challenge, "To");
            send(socket, SipText.crlf(invite.replace("INVITE sip", "ACK sip").replace("CSeq: 1 INVITE", "CSeq: 1 ACK")
                    .replace("To: <sip:+74951230001@vpbx.test>", "To: " + toWithTag)));
        }
    }

    @Test
    void anOversizedTcpMessageClosesThatConnectionOnly() throws IOException {
        start();
        try (Socket socket = tcpSocket(HOST)) {
            // Exactly the limit: the server has read everything when it closes, so the close is a FIN, not a reset.
            byte[] endless = new byte[MAX_MESSAGE_BYTES];
            Arrays.fill(endless, (byte) 'x');
            socket.getOutputStream().write(endless);

            assertEquals(-1, readUntilClosed(socket.getInputStream()));
        }
        try (DatagramSocket socket = udpSocket(HOST)) {
            String via = "SIP/2.0/UDP " + HOST + ":" + socket.getLocalPort() + ";branch=z9hG4bKafter";
            assertTrue(exchange(socket, SipText.crlf(SipText.options(via, "after@example.com"))).startsWith("SIP/2.0 200 OK"));
        }
        assertEquals(1.0, dropped(DropReason.OVERSIZED));
    }

    @Test
    void anOversizedDatagramIsDroppedAndTheNextOneAnswered() throws IOException {
        start();
        try (DatagramSocket socket = udpSocket(HOST)) {
            String via = "SIP/2.0/UDP " + HOST + ":" + socket.getLocalPort() + ";branch=z9hG4bKbig";
            byte[] big = SipText.crlf(SipText.options(via, "big@example.com")
                    .replace("Accept: application/sdp", "X-Pad: " + "p".repeat(MAX_MESSAGE_BYTES)));

            send(socket, big);
            String next = exchange(socket, SipText.crlf(SipText.options(via.replace("big", "next"), "next@example.com")));

            assertTrue(next.startsWith("SIP/2.0 200 OK\r\n") && next.contains("Call-ID: next@example.com\r\n"), next);
        }
        assertEquals(1.0, dropped(DropReason.OVERSIZED));
        assertEquals(1.0, messages("udp"), "the oversized datagram never became a message");
    }

    @Test
    void tooManyHeaderFieldsGet400AndTheServerKeepsServing() throws IOException {
        start(limited(0, 1));
        try (DatagramSocket socket = udpSocket(HOST); Socket tcp = tcpSocket(HOST)) {
            String via = "SIP/2.0/UDP " + HOST + ":" + socket.getLocalPort() + ";branch=z9hG4bKmany";
            String tcpVia = "SIP/2.0/TCP " + HOST + ":" + tcp.getLocalPort() + ";branch=z9hG4bKmany";

            String udpAnswer = exchange(socket, withExtraHeaders(SipText.options(via, "many@example.com"), MAX_HEADERS));
            tcp.getOutputStream().write(withExtraHeaders(SipText.options(tcpVia, "many-tcp@example.com"), MAX_HEADERS));
            String tcpAnswer = readResponse(tcp.getInputStream());
            String next = exchange(socket, SipText.crlf(SipText.options(via.replace("many", "fine"), "fine@example.com")));

            String tooMany = "SIP/2.0 400 Bad Request (more than " + MAX_HEADERS + " header fields)\r\n";
            assertTrue(udpAnswer.startsWith(tooMany) && udpAnswer.contains("Call-ID: many@example.com\r\n"), udpAnswer);
            assertTrue(tcpAnswer.startsWith(tooMany) && tcpAnswer.contains("Call-ID: many-tcp@example.com\r\n"), tcpAnswer);
            assertTrue(next.startsWith("SIP/2.0 200 OK\r\n"), next);
        }
    }

    @Test
    void aResponseWithTooManyHeaderFieldsIsDroppedAndCounted() throws IOException {
        start(limited(0, 1));
        try (DatagramSocket socket = udpSocket(HOST)) {
            String via = "SIP/2.0/UDP " + HOST + ":" + socket.getLocalPort() + ";branch=z9hG4bKresp";
            String response = SipText.options(via, "resp@example.com").replace("OPTIONS sip:vpbx.example.com SIP/2.0",
                    "SIP/2.0 200 OK");

            send(socket, withExtraHeaders(response, MAX_HEADERS));
            // answered after the response was handled: the same socket is read in order
            exchange(socket, SipText.crlf(SipText.options(via.replace("resp", "after"), "after@example.com")));
        }
        assertEquals(1.0, dropped(DropReason.TOO_MANY_HEADERS));
    }

    @Test
    void aSourceAboveItsRateIsThrottledWhileAnotherSourceIsAnswered() throws IOException {
        int burst = 2;
        int sent = 10;
        // one request a second sustained: the burst passes, the rest of a quick flood does not
        start(limited(1, burst));
        try (DatagramSocket flooder = udpSocket(HOST); DatagramSocket phone = udpSocket(OTHER_HOST)) {
            String via = "SIP/2.0/UDP " + HOST + ":" + flooder.getLocalPort() + ";branch=z9hG4bKflood";
            for (int i = 0; i < sent; i++) {
                send(flooder, SipText.crlf(SipText.options(via + i, "flood-" + i + "@example.com")));
            }
            String phoneVia = "SIP/2.0/UDP " + OTHER_HOST + ":" + phone.getLocalPort() + ";branch=z9hG4bKphone";

            // read after the flood: the server reads its one socket in order
            String answer = exchange(phone, SipText.crlf(SipText.options(phoneVia, "phone@example.com")));

            assertTrue(answer.startsWith("SIP/2.0 200 OK\r\n") && answer.contains("Call-ID: phone@example.com"), answer);
            int throttled = (int) dropped(DropReason.THROTTLED);
            int answered = sent - throttled;
            assertTrue(answered >= burst && answered <= burst + 1, "answered " + answered + ", throttled " + throttled);
            for (int i = 0; i < answered; i++) {
                assertTrue(receive(flooder).startsWith("SIP/2.0 200 OK\r\n"));
            }
            assertEquals(answered + 1.0, messages("udp"), "throttled requests never reach the core");
        }
    }

    @Test
    void aTcpSourceAboveItsRateIsThrottledWhileAnotherSourceIsAnswered() throws IOException {
        start(limited(1, 1));
        try (Socket socket = tcpSocket(HOST)) {
            String via = "SIP/2.0/TCP " + HOST + ":" + socket.getLocalPort() + ";branch=z9hG4bKt";
            // one write, so that the server reads both requests at once: the second is judged before the first is answered
            String both = SipText.options(via + "1", "first@example.com") + SipText.options(via + "2", "second@example.com");
            socket.getOutputStream().write(SipText.crlf(both));

            assertTrue(readResponse(socket.getInputStream()).contains("Call-ID: first@example.com\r\n"));
            assertEquals(1.0, dropped(DropReason.THROTTLED));
        }
        try (Socket other = tcpSocket(OTHER_HOST)) {
            String via = "SIP/2.0/TCP " + OTHER_HOST + ":" + other.getLocalPort() + ";branch=z9hG4bKo";
            other.getOutputStream().write(SipText.crlf(SipText.options(via, "other@example.com")));
            assertTrue(readResponse(other.getInputStream()).startsWith("SIP/2.0 200 OK\r\n"));
        }
        assertEquals(2.0, messages("tcp"));
    }

    @Test
    void closeReleasesThePorts() throws IOException {
        start();
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
        try (DatagramSocket taken = udpSocket(HOST)) {
            SipServer second = new SipServer(
                    new SipConfig(HOST, taken.getLocalPort(), true, false, "vpbx.test", MAX_MESSAGE_BYTES), new SimpleMeterRegistry());

            IllegalStateException failure = assertThrows(IllegalStateException.class, second::start);

            assertTrue(failure.getMessage().contains(":" + taken.getLocalPort()), failure.getMessage());
            assertEquals(-1, second.udpPort());
        }
    }

    @Test
    void onlyTheConfiguredTransportIsBound() {
        start(new SipConfig(HOST, 0, true, false, "vpbx.test", MAX_MESSAGE_BYTES));

        assertTrue(server.udpPort() > 0);
        assertEquals(-1, server.tcpPort());
    }

    private double messages(String transport) {
        return registry.get(SipMetrics.MESSAGES).tag("transport", transport).counter().count();
    }

    private double dropped(DropReason reason) {
        return registry.get(SipMetrics.DROPPED).tag("reason", reason.tag()).counter().count();
    }

    /** The message with {@code count} more header fields before its Content-Length. */
    private static byte[] withExtraHeaders(String message, int count) {
        StringBuilder extra = new StringBuilder();
        for (int i = 0; i < count; i++) {
            extra.append("X-Extra-").append(i).append(": ").append(i).append('\n');
        }
        return SipText.crlf(message.replace("Content-Length: 0\n", extra + "Content-Length: 0\n"));
    }

    private static DatagramSocket udpSocket(String host) throws IOException {
        DatagramSocket socket = new DatagramSocket(0, InetAddress.getByName(host));
        socket.setSoTimeout(TIMEOUT_MILLIS);
        return socket;
    }

    private Socket tcpSocket(String host) throws IOException {
        Socket socket = new Socket(InetAddress.getByName(HOST), server.tcpPort(), InetAddress.getByName(host), 0);
        socket.setSoTimeout(TIMEOUT_MILLIS);
        return socket;
    }

    private String exchange(DatagramSocket socket, byte[] request) throws IOException {
        send(socket, request);
        return receive(socket);
    }

    private static String receive(DatagramSocket socket) throws IOException {
        DatagramPacket response = new DatagramPacket(new byte[65535], 65535);
        socket.receive(response);
        return new String(response.getData(), 0, response.getLength(), StandardCharsets.UTF_8);
    }

    private void send(DatagramSocket socket, byte[] bytes) throws IOException {
        socket.send(new DatagramPacket(bytes, bytes.length, new InetSocketAddress(HOST, server.udpPort())));
    }

    private static String line(String message, String name) {
        int start = message.indexOf("\r\n" + name + ": ") + name.length() + 4;
        return message.substring(start, message.indexOf("\r\n", start));
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
