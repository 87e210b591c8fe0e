package io.vpbx.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpbx.admin.TestDatabases;
import io.vpbx.config.ConfigLoader;
import io.vpbx.server.kamailio.Dispatcher;
import io.vpbx.server.kamailio.Kamailio;
import io.vpbx.server.sipp.Sipp;
import io.vpbx.sip.routing.RouteEntry;
import io.vpbx.sip.routing.Target;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two nodes on one PostgreSQL schema behind the dispatcher vpbx ships (docker/kamailio/kamailio-dispatcher.cfg,
 * docs/adr/0033), carrier calls from SIPp through it to a number forwarded to a PBX (SIPp): every call succeeds
 * while node B dies without a word (the calls the dispatcher still sends there fail over on silence until its probes
 * take B out), after B comes back on the same port with its configuration from the database, and while node A
 * drains (its OPTIONS and new calls get 503: the dispatcher takes it out and fails over).
 */
class DispatcherFailoverTest {
    private static final Logger log = LoggerFactory.getLogger(DispatcherFailoverTest.class);
    private static final String DID = "+74951230001";
    private static final Duration CALL_LIMIT = Duration.ofSeconds(40);
    /** The design bound is two probe intervals plus FR_TIMER (3.5 s, PROBE_THRESHOLD 2); a busy machine gets slack. */
    private static final Duration MARKED_WITHIN = Duration.ofSeconds(7);

    @TempDir
    Path dataDir;

    private String schema;
    private VpbxServer a;
    private VpbxServer b;

    @BeforeEach
    void createSchema() {
        schema = TestDatabases.newPostgresSchema();
    }

    @AfterEach
    void stopNodes() {
        for (VpbxServer node : new VpbxServer[] {b, a}) {
            if (node != null) {
                node.stop();
            }
        }
        TestDatabases.dropPostgresSchema(schema);
    }

    private VpbxServer node(String nodeId, int sipPort) {
        VpbxServer server = new VpbxServer(ConfigLoader.load(new String[] {"--admin.host=127.0.0.1", "--admin.port=0",
            "--sip.host=127.0.0.1", "--sip.port=" + sipPort, "--data.dir=" + dataDir.resolve(nodeId),
            "--operator.key=" + RunningServer.OPERATOR_KEY, "--catalog.sweep-interval=1h",
            "--db.url=" + TestDatabases.PG_URL + "?currentSchema=" + schema, "--db.user=" + TestDatabases.PG_USER,
            "--registrar.node-id=" + nodeId, "--cluster.poll-interval=200ms", "--cluster.drain-notice=1s",
            "--cluster.drain-timeout=20s", "--sip.route-secret=dispatcher-test-route-secret-0123456789",
            "--security.allowed-private-targets=" + RunningServer.LOOPBACK,
            // on a busy test machine the event loop lags past lag-drop now and then, and a new call dropped unread
            // reaches the dispatcher as silence (a failover, or a 408 with no node left): not what this test is about
            "--sip.overload.enabled=false"}, Map.of()), Clock.systemUTC());
        server.start();
        return server;
    }

    @Test
    void callsGoThroughWhileANodeDiesComesBackAndAnotherDrains() throws Exception {
        int portA = Kamailio.freeUdpAndTcpPort();
        int portB = Kamailio.freeUdpAndTcpPort();
        int pbx = Sipp.freeUdpPort();
        a = node("node-a", portA);
        b = node("node-b", portB);
        forwardToPbx(new Api(a.adminPort()), pbx);
        Target toPbx = new Target.ExternalPbx(List.of("sip:127.0.0.1:" + pbx));
        await(() -> b.routingTable().number(DID).map(RouteEntry::target).equals(Optional.of(toPbx)), Duration.ofSeconds(10),
                "B follows A's changes");

        // two missed probes take a node out: the whole suite runs beside this test, and a node that answers one probe
        // late on a starved machine must not leave the dispatcher without nodes (the shipped default is 1)
        try (Dispatcher dispatcher = Dispatcher.start(List.of(portA, portB), "PROBE_THRESHOLD=2");
             Sipp.Background answering = Sipp.scenario("uas-answer").localPort(pbx).calls(1000)
                     .timeout(Duration.ofMinutes(3)).start()) {
            await(() -> dispatcher.isUp(portA) && dispatcher.isUp(portB), Duration.ofSeconds(10), "both nodes up\n"
                    + dispatcher.describe());
            calls(dispatcher, 6);

            b.stop(); // no drain: B's sockets just go silent, as after a kill
            long died = System.nanoTime();
            calls(dispatcher, 6); // those still sent to B fail over to A on silence
            await(() -> !dispatcher.isUp(portB), MARKED_WITHIN, "the silent node is taken out");
            log.info("silent node taken out within {} ms after it died", elapsedMillis(died));

            b = node("node-b", portB); // back on the same port, its configuration from the database
            await(() -> dispatcher.isUp(portB), Duration.ofSeconds(10), "the restarted node is back in");

            CompletableFuture<Integer> drained = CompletableFuture.supplyAsync(a::drain);
            long drainStarted = System.nanoTime();
            calls(dispatcher, 6); // those still sent to A get 503 and fail over to B
            await(() -> !dispatcher.isUp(portA), MARKED_WITHIN, "the draining node is taken out");
            log.info("draining node taken out after {} ms", elapsedMillis(drainStarted));
            assertEquals(0, drained.get(30, TimeUnit.SECONDS), "no call was left on A");
        }
    }

    /** {@code count} calls through the dispatcher at 10/s; every one must be answered and hung up normally. */
    private static void calls(Dispatcher dispatcher, int count) {
        Sipp.Result result = Sipp.scenario("dispatcher-call").remote(dispatcher.port()).service(DID).calls(count).rate(10)
                .recvTimeout(Duration.ofSeconds(15)).timeout(CALL_LIMIT).run();
        result.assertSucceeded();
    }

    private static void forwardToPbx(Api api, int pbx) {
        String op = RunningServer.OPERATOR_KEY;
        CallFixtures.ok(201, api.post("/v1/catalog/ranges", op,
                "{\"country\":\"RU\",\"type\":\"city\",\"region\":\"495\",\"first\":\"+74951230000\",\"last\":\"+74951230009\"}"));
        CallFixtures.ok(201, api.post("/v1/trunks", op, "{\"name\":\"carrier\",\"source_addresses\":[\"127.0.0.1\"]}"));
        String acme = RegistrationFixtures.account(api);
        CallFixtures.ok(201, api.post("/v1/reservations", acme, "{\"numbers\":[\"" + DID + "\"]}"));
        CallFixtures.ok(201, api.call("POST", "/v1/numbers", acme, "{\"numbers\":[\"" + DID + "\"]}", Map.of("Idempotency-Key", "d")));
        CallFixtures.ok(201, api.post("/v1/registry-requests/self-submissions", op, """
                {"number":"%s","end_user":{"kind":"person","relation":"employee","jurisdiction":"RU","full_name":"Olga Sidorova",
                 "birth_date":"1990-02-03","address":"Kazan","contact_phone":"+79162223344",
                 "document":{"type":"ru_internal_passport","number":"9204 000001"}}}""".formatted(DID)));
        CallFixtures.ok(200, api.patch("/v1/numbers/" + DID, acme,
                "{\"forwarding\":{\"target\":{\"type\":\"external_pbx\",\"uris\":[\"sip:127.0.0.1:" + pbx + "\"]},\"ring_timeout\":10}}"));
    }

    private static void await(BooleanSupplier done, Duration within, String what) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(done.getAsBoolean(), what + " within " + within);
    }

    private static long elapsedMillis(long since) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - since);
    }
}
