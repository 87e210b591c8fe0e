package io.vpbx.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vpbx.admin.TestDatabases;
import io.vpbx.config.ConfigLoader;
import io.vpbx.server.sync.AuditNotificationListener;
import io.vpbx.sip.routing.RouteEntry;
import io.vpbx.sip.routing.Target;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes on one PostgreSQL schema that poll the audit log only once an hour: an admin change made through node A
 * still reaches node B's routing table within a second, because A's audit entry notifies at commit and B listens
 * (cluster.notify, docs/adr/0033).
 */
class ClusterNotifyTest {
    private static final String NUMBER = "+74951230001";
    private static final Duration WITHIN = Duration.ofSeconds(2);

    @TempDir
    Path dataDir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
    private String schema;
    private VpbxServer a;
    private VpbxServer b;

    @BeforeEach
    void startTwoNodes() {
        schema = TestDatabases.newPostgresSchema();
        a = node("node-a", dataDir.resolve("a"));
        b = node("node-b", dataDir.resolve("b"));
    }

    @AfterEach
    void stopNodes() {
        if (b != null) {
            b.stop();
        }
        if (a != null) {
            a.stop();
        }
        TestDatabases.dropPostgresSchema(schema);
    }

    private VpbxServer node(String nodeId, Path nodeDir) {
        VpbxServer server = new VpbxServer(ConfigLoader.load(new String[] {"--admin.host=127.0.0.1", "--admin.port=0",
            "--sip.host=127.0.0.1", "--sip.port=0", "--data.dir=" + nodeDir, "--operator.key=" + RunningServer.OPERATOR_KEY,
            "--catalog.sweep-interval=1h", "--db.url=" + TestDatabases.PG_URL + "?currentSchema=" + schema,
            "--db.user=" + TestDatabases.PG_USER, "--registrar.node-id=" + nodeId, "--cluster.poll-interval=1h",
            "--cluster.notify=true"}, Map.of()), clock);
        server.start();
        return server;
    }

    @Test
    void aChangeThroughNodeAReachesNodeBWithoutWaitingForItsPoll() throws InterruptedException {
        Api apiA = new Api(a.adminPort());
        String acme = RegistrationFixtures.account(apiA);
        apiA.post("/v1/catalog/ranges", RunningServer.OPERATOR_KEY,
                "{\"country\":\"RU\",\"type\":\"city\",\"region\":\"495\",\"first\":\"+74951230000\",\"last\":\"+74951230009\"}");
        apiA.post("/v1/reservations", acme, "{\"numbers\":[\"" + NUMBER + "\"]}");
        assertEquals(201, apiA.call("POST", "/v1/numbers", acme, "{\"numbers\":[\"" + NUMBER + "\"]}",
                Map.of("Idempotency-Key", "k")).status());
        awaitOnB(() -> b.routingTable().number(NUMBER).isPresent(), "the purchase reached B");

        for (int i = 0; i < 3; i++) {
            String target = "+7916000000" + i;
            assertEquals(200, apiA.patch("/v1/numbers/" + NUMBER, acme,
                    "{\"forwarding\":{\"target\":{\"type\":\"external_number\",\"number\":\"" + target + "\"}}}").status());
            Target expected = new Target.ExternalNumber(target);
            awaitOnB(() -> b.routingTable().number(NUMBER).map(RouteEntry::target).equals(Optional.of(expected)),
                    "forwarding " + i + " reached B");
        }
    }

    @Test
    void theListenerWakesWhenConnectedAndOnEveryCommittedAuditEntry() throws Exception {
        CountDownLatch woken = new CountDownLatch(2); // once on connecting (catch-up), once for the entry
        try (AuditNotificationListener listener = new AuditNotificationListener(TestDatabases.PG_URL, TestDatabases.PG_USER, "",
                woken::countDown, new SimpleMeterRegistry())) {
            listener.start();
            Thread.sleep(500); // connected and listening
            Api apiA = new Api(a.adminPort());
            RegistrationFixtures.account(apiA);
            assertTrue(woken.await(WITHIN.toMillis(), TimeUnit.MILLISECONDS), "woken by the audit entry of the new account");
        }
    }

    private void awaitOnB(BooleanSupplier done, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertTrue(done.getAsBoolean(), what + " within " + WITHIN + " with polling once an hour");
    }
}
