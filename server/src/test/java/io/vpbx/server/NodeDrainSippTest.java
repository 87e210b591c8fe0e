package io.vpbx.server;

import static io.vpbx.server.CallFixtures.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpbx.server.sipp.Sipp;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node taken out of service (what SIGTERM does before the stop, docs/adr/0033): while it drains, readiness is
 * 503, OPTIONS (the dispatcher's probe) and a new call get 503, a call under way goes on to its BYE, and the drain
 * ends when that call has ended. A graceful stop unregisters nothing: the phone's binding is still there for the
 * node that starts next on the same database.
 */
class NodeDrainSippTest {
    private static final String DID = "+74951230001";
    private static final Duration CALL_LIMIT = Duration.ofSeconds(20);
    private static final int HOLD_MILLIS = 3_000;

    @TempDir
    Path dataDir;

    private RunningServer running;
    private String anna;
    private String acme;
    private CallFixtures fixtures;

    @BeforeEach
    void start() {
        running = node();
        acme = RegistrationFixtures.account(running.api);
        fixtures = new CallFixtures(running, acme);
        anna = RegistrationFixtures.employee(running.api, acme, "101", "anna", PASSWORD);
        fixtures.carrier();
        fixtures.activate(DID, "9204 000001");
    }

    private RunningServer node() {
        return new RunningServer("h2", dataDir, RegistrationFixtures.MD5_ONLY, "--cluster.drain-notice=500ms",
                "--cluster.drain-timeout=20s", "--registrar.node-id=drain-test");
    }

    @AfterEach
    void stop() {
        if (running != null) {
            running.close();
        }
    }

    @Test
    void aDrainingNodeRefusesNewCallsAndProbesButLetsTheCallUnderWayEnd() throws Exception {
        int phone = fixtures.register("anna");
        fixtures.forward(DID, "{\"type\":\"employee\",\"employee_id\":\"" + anna + "\"}", 10);
        int sipPort = running.server.sip().udpPort();
        assertEquals(200, ready());
        assertTrue(options(sipPort).startsWith("SIP/2.0 200 "));

        try (Sipp.Background answering = Sipp.scenario("uas-answer").localPort(phone).recvTimeout(Duration.ofSeconds(15))
                .timeout(CALL_LIMIT).start();
             Sipp.Background held = Sipp.scenario("call-hold").remote(sipPort).service(DID).arguments("-d", Integer.toString(HOLD_MILLIS))
                     .recvTimeout(Duration.ofSeconds(15)).timeout(CALL_LIMIT).start()) {
            awaitActiveCall();
            long drainStarted = System.nanoTime();
            CompletableFuture<Integer> drained = CompletableFuture.supplyAsync(running.server::drain);
            awaitDraining();

            assertEquals(503, ready(), "readiness says the node is leaving");
            String probe = options(sipPort);
            assertTrue(probe.startsWith("SIP/2.0 503 ") && probe.contains("\r\nRetry-After: "), probe);
            String refused = newCall(sipPort);
            assertTrue(refused.startsWith("SIP/2.0 503 "), "a new call is refused so the dispatcher tries another node: " + refused);
            assertTrue(!drained.isDone(), "the drain waits for the call under way");

            held.awaitExit(CALL_LIMIT).assertSucceeded();
            answering.awaitExit(CALL_LIMIT).assertSucceeded();
            assertEquals(0, drained.get(CALL_LIMIT.toSeconds(), TimeUnit.SECONDS), "no call was left when the drain ended");
            assertTrue(System.nanoTime() - drainStarted < TimeUnit.SECONDS.toNanos(15), "ended with the call, not at the timeout");
        }

        running.close();
        running = node(); // the next node on the same database: a graceful stop unregistered nothing
        assertEquals(List.of("sip:anna@127.0.0.1:" + phone), running.server.location().contactsOf(anna));
    }

    @Test
    void theOperatorSeesTheNodeAndDrainsItThroughTheApi() throws Exception {
        Api api = running.api;
        Api.Response account = api.get("/v1/node", acme);
        assertEquals(403, account.status(), account.body());
        assertEquals("application/problem+json", account.headers().firstValue("Content-Type").orElse(""));
        assertEquals(401, api.get("/v1/node", null).status());

        Api.Response node = api.get("/v1/node", RunningServer.OPERATOR_KEY);
        assertEquals(200, node.status(), node.body());
        assertEquals("drain-test", node.json().get("node_id").asText());
        assertEquals(false, node.json().get("draining").asBoolean());
        assertEquals(0, node.json().get("active_calls").asInt());
        assertEquals(403, api.post("/v1/node/drain", acme, null).status());
        assertEquals(200, ready(), "an account's call changed nothing");

        Api.Response drained = api.post("/v1/node/drain", RunningServer.OPERATOR_KEY, null);
        assertEquals(202, drained.status(), drained.body());
        assertTrue(drained.json().get("draining").asBoolean());
        assertEquals(503, ready());
        assertTrue(options(running.server.sip().udpPort()).startsWith("SIP/2.0 503 "));
    }

    private void awaitActiveCall() throws InterruptedException {
        for (int i = 0; i < 100 && running.server.sip().activeCalls() == 0; i++) {
            Thread.sleep(50);
        }
        assertEquals(1, running.server.sip().activeCalls(), "the held call is up");
    }

    private void awaitDraining() throws InterruptedException {
        for (int i = 0; i < 100 && !running.server.sip().draining(); i++) {
            Thread.sleep(10);
        }
        assertTrue(running.server.sip().draining());
    }

    private int ready() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + running.server.adminPort() + "/health/ready"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String options(int port) {
        try (RawSip sip = new RawSip("UDP", port)) {
            return String.valueOf(sip.exchange(("OPTIONS sip:127.0.0.1:" + port + " SIP/2.0\r\n"
                    + "Via: SIP/2.0/UDP " + sip.local() + ";branch=z9hG4bKprobe" + System.nanoTime() + "\r\n"
                    + "Max-Forwards: 70\r\nTo: <sip:127.0.0.1:" + port + ">\r\nFrom: <sip:dispatcher@127.0.0.1>;tag=d1\r\n"
                    + "Call-ID: probe-" + System.nanoTime() + "\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n"),
                    Duration.ofSeconds(3)));
        }
    }

    private static String newCall(int port) {
        try (RawSip sip = new RawSip("UDP", port)) {
            return String.valueOf(sip.exchange(("INVITE sip:" + DID + "@127.0.0.1:" + port + " SIP/2.0\r\n"
                    + "Via: SIP/2.0/UDP " + sip.local() + ";branch=z9hG4bKnew" + System.nanoTime() + "\r\n"
                    + "Max-Forwards: 70\r\nTo: <sip:" + DID + "@127.0.0.1>\r\nFrom: <sip:+79161234567@127.0.0.1>;tag=c1\r\n"
                    + "Call-ID: new-" + System.nanoTime() + "\r\nCSeq: 1 INVITE\r\nContact: <sip:carrier@" + sip.local() + ">\r\n"
                    + "Content-Length: 0\r\n\r\n"), Duration.ofSeconds(3)));
        }
    }
}
