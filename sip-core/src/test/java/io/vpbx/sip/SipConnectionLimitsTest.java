package io.vpbx.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vpbx.config.SipConfig;
import io.vpbx.config.SipTcpConfig;
import io.vpbx.sip.transport.ConnectionMetrics;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** SIP finding 9: the TCP connection caps, the message timeout and 513, on real sockets against the whole listener. */
class SipConnectionLimitsTest {

    private static final String HOST = "127.0.0.1";
    private static final String OTHER_HOST = "127.0.0.2";
    private static final int TIMEOUT_MILLIS = 5000;
    private static final int MAX_MESSAGE_BYTES = 4096;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<Socket> sockets = new ArrayList<>();
    private SipServer server;

    private void start(SipTcpConfig limits) {
        server = new SipServer(SipServerSettings.of(new SipConfig(HOST, 0, true, true, "vpbx.test", MAX_MESSAGE_BYTES)).withTcp(limits),
                registry, SipServices.standalone(Optional.empty()), transition -> { });
        server.start();
    }

    @AfterEach
    void stop() throws IOException {
        for (Socket socket : sockets) {
            socket.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theConnectionBeyondTheTotalCapIsClosedAtOnce() throws IOException {
        start(new SipTcpConfig(3, 3, Duration.ofMinutes(65), Duration.ofSeconds(20)));
        for (int i = 0; i < 3; i++) {
            assertTrue(options(connect(i % 2 == 0 ? HOST : OTHER_HOST), "held-" + i).startsWith("SIP/2.0 200 OK"));
        }

        Socket fourth = connect(OTHER_HOST);

        assertEquals(-1, fourth.getInputStream().read(), "closed without a word");
        assertEquals(1.0, refused(ConnectionMetrics.Refusal.TOTAL));
        assertTrue(options(sockets.get(0), "still").startsWith("SIP/2.0 200 OK"), "the connections held are untouched");
    }

    @Test
    void oneSourceGetsNoMoreThanItsShareWhileAnotherSourceConnects() throws IOException {
        start(new SipTcpConfig(100, 2, Duration.ofMinutes(65), Duration.ofSeconds(20)));
        options(connect(HOST), "one");
        options(connect(HOST), "two");

        assertEquals(-1, connect(HOST).getInputStream().read());
        assertTrue(options(connect(OTHER_HOST), "other").startsWith("SIP/2.0 200 OK"));
        assertEquals(1.0, refused(ConnectionMetrics.Refusal.PER_SOURCE));
    }

    @Test
    void aRequestAnnouncingTenMegabytesIsAnswered513AndItsConnectionClosed() throws IOException {
        start(SipTcpConfig.DEFAULTS);
        Socket socket = connect(HOST);
        String via = "SIP/2.0/TCP " + HOST + ":" + socket.getLocalPort() + ";branch=z9hG4bKbig";
        OutputStream out = socket.getOutputStream();
        out.write(SipText.crlf(SipText.options(via, "big@example.com").replace("Content-Length: 0", "Content-Length: 10000000")));
        out.write(new byte[64 * 1024]);

        String answer = readResponse(socket.getInputStream());

        assertTrue(answer.startsWith("SIP/2.0 513 Message Too Large\r\n") && answer.contains("Call-ID: big@example.com\r\n"), answer);
        assertEquals(-1, readUntilClosed(socket.getInputStream()));
        assertEquals(1.0, registry.get(ConnectionMetrics.CLOSED).tag("reason", "too_large").counter().count());
    }

    @Test
    void aSlowlorisConnectionIsClosedAtTheMessageTimeout() throws IOException, InterruptedException {
        start(new SipTcpConfig(100, 100, Duration.ofMinutes(65), Duration.ofMillis(300)));
        Socket socket = connect(HOST);
        byte[] options = SipText.crlf(SipText.options("SIP/2.0/TCP " + HOST + ":1;branch=z9hG4bKslow", "slow@example.com"));
        try {
            for (int i = 0; i < options.length - 1; i++) {
                socket.getOutputStream().write(options[i]);
                Thread.sleep(50);
            }
        } catch (IOException closed) {
            // the server closed the connection while bytes were still trickling in
        }

        assertEquals(-1, readUntilClosed(socket.getInputStream()));
        assertEquals(1.0, registry.get(ConnectionMetrics.CLOSED).tag("reason", "message_timeout").counter().count());
    }

    private double refused(ConnectionMetrics.Refusal reason) {
        return registry.get(ConnectionMetrics.REFUSED).tag("reason", reason.tag()).counter().count();
    }

    private Socket connect(String from) throws IOException {
        Socket socket = new Socket(InetAddress.getByName(HOST), server.tcpPort(), InetAddress.getByName(from), 0);
        socket.setSoTimeout(TIMEOUT_MILLIS);
        sockets.add(socket);
        return socket;
    }

    private static String options(Socket socket, String callId) throws IOException {
        String via = "SIP/2.0/TCP " + socket.getLocalAddress().getHostAddress() + ":" + socket.getLocalPort() + ";branch=z9hG4bK" + callId;
        socket.getOutputStream().write(SipText.crlf(SipText.options(via, callId + "@example.com")));
        return readResponse(socket.getInputStream());
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
        try {
            int b;
            do {
                b = in.read();
            } while (b >= 0);
            return b;
        } catch (java.net.SocketException reset) {
            return -1;
        }
    }
}
