package io.vpbx.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 10's SIP reproductions over real sockets through the whole server, over UDP and over TCP: a victim
 * listening at 127.0.0.9 (UDP and TCP) must receive nothing, and each torture message gets its answer, or none.
 */
class SipTortureSocketTest {
    private static final Duration ANSWER = Duration.ofSeconds(5);
    /** Only for what must stay unanswered: how long silence is listened to. */
    private static final Duration SILENCE = Duration.ofMillis(700);

    @TempDir
    Path dataDir;
    private RunningServer running;
    private DatagramSocket victimUdp;
    private ServerSocket victimTcp;
    private int victimPort;

    @BeforeEach
    void start() throws IOException {
        running = new RunningServer("h2", dataDir);
        victimUdp = victimSocket();
        victimPort = victimUdp.getLocalPort();
        victimTcp = new ServerSocket();
        victimTcp.bind(new InetSocketAddress("127.0.0.9", victimPort));
    }

    /** 127.0.0.9:5999 as in the issue, or another port there when a parallel run holds it. */
    private static DatagramSocket victimSocket() throws IOException {
        try {
            return new DatagramSocket(new InetSocketAddress("127.0.0.9", 5999));
        } catch (IOException taken) {
            return new DatagramSocket(new InetSocketAddress("127.0.0.9", 0));
        }
    }

    @AfterEach
    void stop() throws IOException {
        victimUdp.close();
        victimTcp.close();
        running.close();
    }

    private RawSip peer(String transport) {
        return new RawSip(transport, "UDP".equals(transport) ? running.server.sip().udpPort() : running.server.sip().tcpPort());
    }

    private static String request(RawSip peer, String method, String requestUri, String toTag, String extra, int n) {
        return ("%s %s SIP/2.0\r\n"
                + "Via: SIP/2.0/%s %s;branch=z9hG4bK-torture-%d-%d\r\n"
                + "Max-Forwards: 70\r\n"
                + "To: <sip:victim@127.0.0.9>%s\r\n"
                + "From: <sip:attacker@127.0.0.1>;tag=attacker\r\n"
                + "Call-ID: torture-%d-%d@127.0.0.1\r\n"
                + "CSeq: 1 %s\r\n"
                + "Contact: <sip:attacker@%s>\r\n"
                + "%s"
                + "Content-Length: 0\r\n\r\n").formatted(method, requestUri, peer.transport(), peer.local(), n, System.nanoTime(),
                toTag == null ? "" : ";tag=" + toTag, n, System.nanoTime(), method, peer.local(), extra);
    }

    /** The victim heard nothing over UDP or TCP. */
    private void assertVictimHeardNothing() throws IOException {
        victimUdp.setSoTimeout((int) SILENCE.toMillis());
        try {
            DatagramPacket packet = new DatagramPacket(new byte[65_535], 65_535);
            victimUdp.receive(packet);
            throw new AssertionError("relayed to the victim: " + new String(packet.getData(), 0, packet.getLength()));
        } catch (SocketTimeoutException expected) {
            // nothing came
        }
        victimTcp.setSoTimeout(1);
        try (Socket relayed = victimTcp.accept()) {
            throw new AssertionError("the proxy connected to the victim over TCP from " + relayed.getRemoteSocketAddress());
        } catch (SocketTimeoutException expected) {
            // nothing came
        }
    }

    private static int status(String answer) {
        assertNotNull(answer, "no answer");
        return Integer.parseInt(answer.substring(8, 11));
    }

    @ParameterizedTest
    @ValueSource(strings = {"UDP", "TCP"})
    void forgedInDialogRequestsAreRefusedAndNeverReachTheVictim(String transport) throws IOException {
        String victim = "sip:victim@127.0.0.9:" + victimPort + ("TCP".equals(transport) ? ";transport=tcp" : "");
        try (RawSip attacker = peer(transport)) {
            int n = 0;
            for (String method : new String[] {"INVITE", "BYE", "INFO", "MESSAGE", "NOTIFY"}) {
                String answer = attacker.exchange(request(attacker, method, victim, "forged", "", n++), ANSWER);
                assertEquals(403, status(answer), answer);
                String routed = attacker.exchange(request(attacker, method, victim, "forged",
                        "Route: <sip:127.0.0.1:" + running.server.sip().udpPort() + ";lr>\r\n", n++), ANSWER);
                assertEquals(481, status(routed), routed);
            }
            String outOfDialog = attacker.exchange(request(attacker, "MESSAGE", victim, null, "", n), ANSWER);
            assertEquals(403, status(outOfDialog), outOfDialog);
        }
        assertVictimHeardNothing();
        String metrics = running.api.get("/metrics", null).body();
        assertTrue(metrics.contains("vpbx_sip_refused_total{check=\"not_routed_here\",code=\"403\"} 5.0"), metrics);
    }

    @ParameterizedTest
    @ValueSource(strings = {"UDP", "TCP"})
    void smuggledHeadersOnAnInviteGet400(String transport) throws IOException {
        try (RawSip attacker = peer(transport)) {
            int n = 0;
            for (String line : new String[] {"To\u0001: <sip:evil@x>\r\n", "X-Foo\u0000: bar\r\n", "Subject: a\rInjected: b\r\n"}) {
                String answer = attacker.exchange(request(attacker, "INVITE", "sip:+74951230001@127.0.0.1", null, line, n++),
                        ANSWER);
                assertEquals(400, status(answer), answer);
            }
        }
        assertVictimHeardNothing();
    }

    @ParameterizedTest
    @ValueSource(strings = {"UDP", "TCP"})
    void brokenResponsesAndAcksAreNeverAnswered(String transport) {
        try (RawSip peer = peer(transport)) {
            String invite = request(peer, "INVITE", "sip:+74951230001@127.0.0.1", null, "", 1);
            for (String statusLine : new String[] {"SIP/2.0 4294967301 x", "SIP/2.0 99 x", "SIP/2.0 700 x", "SIP/2.0 abc"}) {
                peer.send(invite.replaceFirst("INVITE [^\r]*", statusLine));
            }
            peer.send(invite.replaceFirst("INVITE sip", "ACK sip").replace("CSeq: 1 INVITE", "CSeq: 1 ACK")
                    .replaceFirst(";branch=[^\r]*", ";branch=1"));
            assertNull(peer.receive(SILENCE));
        }
        String metrics = running.api.get("/metrics", null).body();
        assertTrue(metrics.contains("vpbx_sip_dropped_total{reason=\"malformed_response\"} 4.0"), metrics);
    }

    @ParameterizedTest
    @ValueSource(strings = {"UDP", "TCP"})
    void unknownSchemesUnsupportedExtensionsAndBadRegistersAreRefused(String transport) {
        try (RawSip peer = peer(transport)) {
            String options = request(peer, "OPTIONS", "sip:127.0.0.1", null, "", 1);
            assertEquals(416, status(peer.exchange(options.replaceFirst("OPTIONS sip:127.0.0.1",
                    "OPTIONS nobodyKnowsThisScheme:opaque"), ANSWER)));
            String unsupported = peer.exchange(request(peer, "OPTIONS", "sip:127.0.0.1", null, "Require: foo\r\n", 2), ANSWER);
            assertEquals(420, status(unsupported));
            assertTrue(unsupported.contains("\r\nUnsupported: foo\r\n"), unsupported);
            assertEquals(420, status(peer.exchange(request(peer, "INVITE", "sip:+74951230001@127.0.0.1", null,
                    "Proxy-Require: bar\r\n", 3), ANSWER)));
            String register = request(peer, "REGISTER", "sip:127.0.0.1", null, "", 4).replace("CSeq: 1 REGISTER", "CSeq: 1 REGISTER");
            assertEquals(400, status(peer.exchange(register.replaceFirst("To: <sip:victim@127.0.0.9>", "To: isbn:2983792873"),
                    ANSWER)));
            assertEquals(400, status(peer.exchange(request(peer, "REGISTER", "sip:2001:db8::10", null, "", 5), ANSWER)));
            assertEquals(400, status(peer.exchange(request(peer, "INVITE", "sip:+74951230001@127.0.0.1", null, "", 6)
                    .replace("Call-ID:", "Call-ID: twice@x\r\nCall-ID:"), ANSWER)));
            assertEquals(400, status(peer.exchange(request(peer, "OPTIONS", "sip:127.0.0.1", null, "", 7)
                    .replace("Max-Forwards: 70", "Max-Forwards: 70, 71"), ANSWER)));
            assertEquals(400, status(peer.exchange(request(peer, "OPTIONS", "sip:127.0.0.1", null, "", 8)
                    .replace("To: <", "To: \"Mr. J. User <"), ANSWER)));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"UDP", "TCP"})
    void maxForwardsFollowsOneRuleForEveryMethod(String transport) {
        try (RawSip peer = peer(transport)) {
            // the INVITE needs authentication (no trunk here): 407 shows it passed the checks
            assertEquals(407, status(peer.exchange(request(peer, "INVITE", "sip:+74951230001@127.0.0.1", null, "", 1)
                    .replace("Max-Forwards: 70", "Max-Forwards: 0068"), ANSWER)));
            assertEquals(200, status(peer.exchange(request(peer, "OPTIONS", "sip:127.0.0.1", null, "", 2)
                    .replace("Max-Forwards: 70", "Max-Forwards: 0068"), ANSWER)));
            assertEquals(407, status(peer.exchange(request(peer, "INVITE", "sip:+74951230001@127.0.0.1", null, "", 3)
                    .replace("Max-Forwards: 70\r\n", ""), ANSWER)));
            assertEquals(200, status(peer.exchange(request(peer, "OPTIONS", "sip:127.0.0.1", null, "", 4)
                    .replace("Max-Forwards: 70\r\n", ""), ANSWER)));
            assertEquals(400, status(peer.exchange(request(peer, "INVITE", "sip:+74951230001@127.0.0.1", null, "", 5)
                    .replace("Max-Forwards: 70", "Max-Forwards: 256"), ANSWER)));
            assertEquals(400, status(peer.exchange(request(peer, "OPTIONS", "sip:127.0.0.1", null, "", 6)
                    .replace("Max-Forwards: 70", "Max-Forwards: 256"), ANSWER)));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"UDP", "TCP"})
    void rfc2543RequestsWithoutAMagicCookieAreServed(String transport) {
        try (RawSip peer = peer(transport)) {
            String options = request(peer, "OPTIONS", "sip:127.0.0.1", null, "", 1).replaceFirst(";branch=[^\r]*", "");
            assertEquals(200, status(peer.exchange(options, ANSWER)));
            String invite = request(peer, "INVITE", "sip:+74951230001@127.0.0.1", null, "", 2)
                    .replaceFirst(";branch=[^\r]*", ";branch=old-style-1");
            assertEquals(407, status(peer.exchange(invite, ANSWER)), "routed: the caller is asked to authenticate");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"UDP", "TCP"})
    void a64KbRequestStillGetsAnAnswer(String transport) {
        try (RawSip peer = peer(transport)) {
            // 65,500 bytes: one datagram carries it, but not the answer that echoes it with a few fields more
            String small = request(peer, "OPTIONS", "sip:127.0.0.1", null, "", 1).replaceFirst("(branch=[^\r]*)", "$1;rport");
            String options = small.replace("From: <", "From: \"" + "x".repeat(65_500 - small.length() - 3) + "\" <");
            assertEquals(65_500, options.length());

            String answer = peer.exchange(options, ANSWER);

            assertEquals("UDP".equals(transport) ? 513 : 200, status(answer), answer.length() + " bytes");
        }
    }
}
